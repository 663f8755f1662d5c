package org.koban.server.scoring;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.koban.server.access.Role;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The scoring REST API: any signed-in role may score and look up CWEs; errors are problem+json. */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    String viewer;
    String engineer;

    @BeforeAll
    void createPeople() {
        var line = fixtures.line();
        viewer = fixtures.token(fixtures.user(Role.VIEWER, line));
        engineer = fixtures.token(fixtures.user(Role.LINE_ENGINEER, line));
    }

    private MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/cvss?vector=CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "/api/v1/cwe?q=xss",
                "/api/v1/cwe/79"
            })
    void answersUnauthorizedWithoutAToken(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void scoresAV31Vector() throws Exception {
        mvc.perform(as(viewer, get("/api/v1/cvss")).param("vector", "CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("3.1"))
                .andExpect(jsonPath("$.vectorString").value("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .andExpect(jsonPath("$.baseScore").value(9.8))
                .andExpect(jsonPath("$.baseSeverity").value("CRITICAL"))
                .andExpect(jsonPath("$.nomenclature").value("CVSS-B"));
    }

    @Test
    void scoresAV40Vector() throws Exception {
        mvc.perform(as(engineer, get("/api/v1/cvss"))
                        .param("vector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("4.0"))
                .andExpect(jsonPath("$.baseScore").value(9.3))
                .andExpect(jsonPath("$.baseSeverity").value("CRITICAL"));
    }

    @Test
    void listsEveryProblemOfABadVector() throws Exception {
        mvc.perform(as(viewer, get("/api/v1/cvss")).param("vector", "CVSS:3.1/AV:Q/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("vector"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("'Q' is not a value of metric AV (allowed: N, A, L, P)"))
                .andExpect(jsonPath("$.errors[1].message").value("misses the base metric A"));
        mvc.perform(as(viewer, get("/api/v1/cvss")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void searchesTheCatalogueExactIdFirst() throws Exception {
        mvc.perform(as(viewer, get("/api/v1/cwe")).param("q", "CWE-79").param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogueVersion").value("4.17"))
                .andExpect(jsonPath("$.items", hasSize(5)))
                .andExpect(jsonPath("$.items[0].id").value("CWE-79"))
                .andExpect(jsonPath("$.items[0].name")
                        .value("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"))
                .andExpect(jsonPath("$.items[0].mappable").value(true));
        mvc.perform(as(viewer, get("/api/v1/cwe")).param("q", "sql injection"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem("CWE-89")));
    }

    @Test
    void refusesABadSearchLimit() throws Exception {
        mvc.perform(as(viewer, get("/api/v1/cwe")).param("q", "xss").param("limit", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void answersOneEntryOrNotFound() throws Exception {
        mvc.perform(as(viewer, get("/api/v1/cwe/CWE-16")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("CATEGORY"))
                .andExpect(jsonPath("$.mappable").value(false));
        mvc.perform(as(viewer, get("/api/v1/cwe/79")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("CWE-79"));
        mvc.perform(as(viewer, get("/api/v1/cwe/CWE-999999")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
