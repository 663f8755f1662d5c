package org.koban.server.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.koban.server.access.Role;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalogue API: status codes per role, problem+json errors, list shape, import and export. */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    ProductionLineView lineA;
    ProductionLineView lineB;
    Map<String, String> tokens;

    @BeforeAll
    void createPeople() {
        lineA = fixtures.line();
        lineB = fixtures.line();
        tokens = Map.of(
                "ADMIN", fixtures.token(fixtures.user(Role.ADMIN)),
                "MANAGER", fixtures.token(fixtures.user(Role.PSIRT_MANAGER)),
                "ANALYST", fixtures.token(fixtures.user(Role.PSIRT_ANALYST)),
                "ENGINEER_A", fixtures.token(fixtures.user(Role.LINE_ENGINEER, lineA)),
                "VIEWER_A", fixtures.token(fixtures.user(Role.VIEWER, lineA)));
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.get(who));
    }

    private static String productJson(String code, ProductionLineView line) {
        return """
                {"code": "%s", "name": "Gateway", "description": "", "lineId": "%s", "familyId": null}
                """.formatted(code, line.id());
    }

    @Test
    void answersUnauthorizedWithoutAToken() throws Exception {
        for (String path : new String[] {"/api/v1/products", "/api/v1/product-families", "/api/v1/catalog/export"}) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/catalog/import").content("{}")).andExpect(status().isUnauthorized());
    }

    @Test
    void createsReadsUpdatesAndDeletesAProductAndItsVersions() throws Exception {
        String code = Fixtures.unique("API");
        String location = mvc.perform(as("ENGINEER_A", post("/api/v1/products"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson(code, lineA)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.lineCode").value(lineA.code()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String versionLocation = mvc.perform(as("ENGINEER_A", post(location + "/versions"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": "1.0", "lifecycle": "ON_MARKET", "releaseDate": "2024-03-01",
                                 "cpe": "cpe:2.3:h:example:api:1.0:*:*:*:*:*:*:*", "modelNumbers": ["M-1"]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.releaseDate").value("2024-03-01"))
                .andExpect(jsonPath("$.modelNumbers[0]").value("M-1"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(as("VIEWER_A", get(location + "/versions")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].version").value("1.0"));
        mvc.perform(as("MANAGER", put(versionLocation))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": "1.0", "lifecycle": "END_OF_SUPPORT", "releaseDate": "2024-03-01",
                                 "endOfSupportDate": "2026-01-01"}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lifecycle").value("END_OF_SUPPORT"));
        mvc.perform(as("ENGINEER_A", delete(location)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("product"));
        mvc.perform(as("ENGINEER_A", delete(versionLocation))).andExpect(status().isNoContent());
        mvc.perform(as("ENGINEER_A", put(location))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson(code, lineA).replace("Gateway", "Gateway II")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Gateway II"));
        mvc.perform(as("ENGINEER_A", delete(location))).andExpect(status().isNoContent());
        mvc.perform(as("ADMIN", get(location))).andExpect(status().isNotFound());
    }

    @Test
    void listsInThePagedShapeWithSearchAndFilters() throws Exception {
        String marker = Fixtures.unique("LIST");
        for (int i = 0; i < 3; i++) {
            mvc.perform(as("ADMIN", post("/api/v1/products"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(productJson(marker + "-" + i, lineA)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(as("ANALYST", get("/api/v1/products"))
                        .param("q", marker)
                        .param("size", "2")
                        .param("page", "1")
                        .param("line", lineA.id().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(as("ANALYST", get("/api/v1/products")).param("q", marker).param("lifecycle", "ON_MARKET"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("ANALYST", get("/api/v1/products")).param("lifecycle", "SOLD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, 201", "MANAGER, 201", "ANALYST, 403", "ENGINEER_A, 201", "VIEWER_A, 403"})
    void createsProductsOnLineAAccordingToRole(String who, int expected) throws Exception {
        mvc.perform(as(who, post("/api/v1/products"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson(Fixtures.unique("R"), lineA)))
                .andExpect(status().is(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "ADMIN, 200, 200",
        "MANAGER, 200, 200",
        "ANALYST, 200, 403",
        "ENGINEER_A, 404, 404",
        "VIEWER_A, 404, 404"
    })
    void answersForAnotherLinesProductAccordingToRole(String who, int read, int change) throws Exception {
        var product = fixtures.product(lineB);
        var version = fixtures.version(product, "1.0");
        mvc.perform(as(who, get("/api/v1/products/" + product.id()))).andExpect(status().is(read));
        mvc.perform(as(who, get("/api/v1/product-versions/" + version.id()))).andExpect(status().is(read));
        mvc.perform(as(who, put("/api/v1/products/" + product.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(productJson(product.code(), lineB)))
                .andExpect(status().is(change))
                .andExpect(content()
                        .contentTypeCompatibleWith(
                                change == 200 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesInvalidInputWithEveryProblemAsProblemJson() throws Exception {
        var product = fixtures.product(lineA);
        mvc.perform(as("ADMIN", post("/api/v1/products/" + product.id() + "/versions"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": "", "lifecycle": "ON_MARKET", "purl": "pkg:", "cpe": "cpe:2.3:q"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[3].field").value("purl"));
        mvc.perform(as("ADMIN", post("/api/v1/products"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"X\", \"colour\": \"red\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportsAsAnAttachmentAndImportsTheBody() throws Exception {
        String code = Fixtures.unique("EXP");
        String csv = "product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n" + code + ",Exported," + lineA.code()
                + ",,,1.0,2024-01-01,ON_MARKET,,,,\n";
        mvc.perform(as("ENGINEER_A", post("/api/v1/catalog/import"))
                        .param("format", "csv")
                        .param("dryRun", "false")
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.productsCreated").value(1))
                .andExpect(jsonPath("$.versionsCreated").value(1));
        mvc.perform(as("ENGINEER_A", get("/api/v1/catalog/export")).param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("koban-catalog.csv")))
                .andExpect(content().string(containsString(code + ",Exported," + lineA.code())));
        mvc.perform(as("VIEWER_A", get("/api/v1/catalog/export")).param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Content-Disposition", containsString("koban-catalog.json")))
                .andExpect(jsonPath("$.format").value("koban-catalog"));
        mvc.perform(as("VIEWER_A", post("/api/v1/catalog/import"))
                        .param("format", "csv")
                        .content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(as("ADMIN", post("/api/v1/catalog/import"))
                        .param("format", "json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"format\": \"koban-catalog\", \"formatVersion\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formatVersion"));
        mvc.perform(as("ADMIN", get("/api/v1/catalog/export")).param("format", "xml"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void documentsTheApiWithoutTheActorAsAParameter() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/products'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "q", "page", "size", "line", "family", "lifecycle")))
                .andExpect(jsonPath("$.paths['/api/v1/catalog/import'].post").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/product-versions/{id}'].put").exists());
    }

    @Test
    void readsACsvBodyByItsContentTypeAndRefusesFormBodies() throws Exception {
        String csv = "product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n" + Fixtures.unique("CT") + ",Typed," + lineA.code()
                + ",,,,,,,,,\n";
        mvc.perform(as("ADMIN", post("/api/v1/catalog/import"))
                        .param("dryRun", "true")
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.productsCreated").value(1));
        mvc.perform(as("ADMIN", post("/api/v1/catalog/import"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(csv))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
