package org.koban.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koban.server.access.Role;
import org.koban.server.identity.UserView;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue pages, signed in through the real login form. */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPagesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Catalog catalog;

    ProductionLineView lineA;
    ProductionLineView lineB;
    Cookie[] engineer;
    Cookie[] viewer;

    @BeforeAll
    void signIn() throws Exception {
        lineA = fixtures.line();
        lineB = fixtures.line();
        engineer = login(fixtures.user(Role.LINE_ENGINEER, lineA));
        viewer = login(fixtures.user(Role.VIEWER, lineA));
    }

    private Cookie[] login(UserView user) throws Exception {
        var response = mvc.perform(post("/login")
                        .param("email", user.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse();
        return response.getCookies();
    }

    @Test
    void productListShowsOnlyTheLinesOwnProductsAndTheNewButtonToEditors() throws Exception {
        ProductView own = fixtures.product(lineA);
        ProductView other = fixtures.product(lineB);
        mvc.perform(get("/catalog/products").cookie(engineer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.code())))
                .andExpect(content().string(not(containsString(other.code()))))
                .andExpect(content().string(containsString("New product")));
        mvc.perform(get("/catalog/products").param("q", own.code()).cookie(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.code())))
                .andExpect(content().string(not(containsString("New product"))));
    }

    @Test
    void productPageShowsEditButtonsOnlyWhenAllowedAndHidesOtherLines() throws Exception {
        ProductView own = fixtures.product(lineA);
        fixtures.version(own, "1.0");
        mvc.perform(get("/catalog/products/" + own.id()).cookie(engineer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add version")));
        mvc.perform(get("/catalog/products/" + own.id()).cookie(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1.0")))
                .andExpect(content().string(not(containsString("Add version"))));
        mvc.perform(get("/catalog/products/" + own.id() + "/edit").cookie(viewer))
                .andExpect(status().isForbidden());
        mvc.perform(get("/catalog/products/" + fixtures.product(lineB).id()).cookie(engineer))
                .andExpect(status().isNotFound());
    }

    @Test
    void versionFormShowsEveryProblemAndKeepsWhatWasTyped() throws Exception {
        ProductView product = fixtures.product(lineA);
        mvc.perform(post("/catalog/products/" + product.id() + "/versions/new")
                        .cookie(engineer)
                        .with(csrf())
                        .param("version", "2.0-beta")
                        .param("lifecycle", "ON_MARKET")
                        .param("releaseDate", "2024-02-30")
                        .param("cpe", "cpe:2.3:h:acme:gw 100:2.0:*:*:*:*:*:*:*")
                        .param("purl", "acme/gw-100")
                        .param("modelNumbers", "GW-100-EU\nGW-100-<b>US</b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("releaseDate")))
                .andExpect(content().string(containsString("component 3 (product)")))
                .andExpect(content().string(containsString("must be a package URL")))
                .andExpect(content().string(containsString("value=\"2.0-beta\"")))
                .andExpect(content().string(containsString("value=\"2024-02-30\"")))
                .andExpect(content().string(containsString("value=\"acme/gw-100\"")))
                .andExpect(content().string(containsString("GW-100-&lt;b&gt;US&lt;/b&gt;")));
        assertThat(catalog.versions(org.koban.server.access.Actor.system(), product.id(), PageQuery.all())
                        .total())
                .isZero();
    }

    @Test
    void productFormCreatesAProductAndRedirectsToIt() throws Exception {
        String code = Fixtures.unique("UI");
        mvc.perform(post("/catalog/products/new")
                        .cookie(engineer)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "From the form")
                        .param("lineId", lineA.id().toString())
                        .param("familyId", "")
                        .param("description", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/catalog/products/new")
                        .cookie(engineer)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "")
                        .param("lineId", lineA.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already used by another product")))
                .andExpect(content().string(containsString("name")))
                .andExpect(content().string(containsString("value=\"" + code + "\"")));
    }

    @Test
    void importPageRunsADryRunAndListsProblems() throws Exception {
        String code = Fixtures.unique("UP");
        String csv = "product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n" + code + ",Uploaded," + lineA.code()
                + ",,,1.0,,IN_DEVELOPMENT,,,,\n" + code + ",Uploaded," + lineA.code() + ",,,1.1,,SOLD,,,,\n";
        var file = new MockMultipartFile("file", "catalog.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/catalog/transfer")
                        .file(file)
                        .cookie(engineer)
                        .with(csrf())
                        .param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("row 3, column lifecycle")));
        String good = csv.substring(0, csv.lastIndexOf(code));
        var goodFile = new MockMultipartFile("file", "catalog.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/catalog/transfer")
                        .file(goodFile)
                        .cookie(engineer)
                        .with(csrf())
                        .param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dry run: nothing was changed")));
        mvc.perform(get("/catalog/export").param("format", "csv").cookie(engineer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(not(containsString(code))));
    }

    @Test
    void familiesPageListsAndAddsFamilies() throws Exception {
        String code = Fixtures.unique("FAM");
        mvc.perform(post("/catalog/families")
                        .cookie(engineer)
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Series")
                        .param("description", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/catalog/families").param("q", code).cookie(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(not(containsString("Add a family"))));
    }

    @Test
    void rendersEveryFormForAnEditor() throws Exception {
        ProductView product = fixtures.product(lineA);
        ProductVersionView version = fixtures.version(product, "1.0");
        for (String page : new String[] {
            "/catalog/products/new",
            "/catalog/products/" + product.id() + "/edit",
            "/catalog/products/" + product.id() + "/versions/new",
            "/catalog/versions/" + version.id() + "/edit",
            "/catalog/transfer",
            "/catalog/families"
        }) {
            mvc.perform(get(page).cookie(engineer))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"_csrf\"")))
                    .andExpect(content().string(not(containsString("style="))));
        }
        mvc.perform(get("/catalog/versions/" + version.id() + "/edit").cookie(engineer))
                .andExpect(content().string(containsString(product.code() + "-EU")))
                .andExpect(content().string(containsString("value=\"2024-03-01\"")));
    }

    @Test
    void dashboardShowsTheCatalogueCounts() throws Exception {
        mvc.perform(get("/").cookie(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Catalogue")))
                .andExpect(content().string(containsString("On market")));
    }
}
