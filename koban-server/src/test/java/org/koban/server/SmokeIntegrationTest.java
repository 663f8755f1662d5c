package org.koban.server;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@KobanIntegrationTest
class SmokeIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsPublic() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void apiWithoutTokenIsUnauthorizedProblemNotRedirect() throws Exception {
        mvc.perform(get("/api/v1/sites"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Autowired
    org.koban.server.support.Fixtures fixtures;

    @Test
    void prometheusMetricsNeedAnAdminToken() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        String analyst = fixtures.token(fixtures.user(org.koban.server.access.Role.PSIRT_ANALYST));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + analyst))
                .andExpect(status().isForbidden());
        String admin = fixtures.token(fixtures.user(org.koban.server.access.Role.ADMIN));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_threads_live_threads")));
    }

    @Test
    void servesItsOwnSbomToAdmins() throws Exception {
        String admin = fixtures.token(fixtures.user(org.koban.server.access.Role.ADMIN));
        mvc.perform(get("/actuator/sbom/application").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bomFormat").value("CycloneDX"))
                .andExpect(jsonPath("$.components[?(@.name == 'spring-security-core')]")
                        .exists());
        mvc.perform(get("/actuator/sbom/application")).andExpect(status().isUnauthorized());
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/sites']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me/tokens']").exists())
                // Coordination, the participant portal, CVE ids and advisories are described too.
                .andExpect(jsonPath("$.paths['/api/v1/parties']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/cases/{caseId}/participants/{participantId}/sharing']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/portal/cases']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/portal/cases/{participantId}/export']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/cve-ids']").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/advisories/{id}/preview']").exists());
    }

    @Test
    void mappingErrorsOnTheApiAreProblemDetailsToo() throws Exception {
        String token = fixtures.token(fixtures.user(org.koban.server.access.Role.ADMIN));
        // MockMvc does not forward to /error, so these run the error controller the way the container does.
        mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 405)
                        .requestAttr("jakarta.servlet.error.request_uri", "/api/v1/sites/x")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(get("/error")
                        .requestAttr("jakarta.servlet.error.status_code", 404)
                        .requestAttr("jakarta.servlet.error.request_uri", "/no/such/page"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void pagesRedirectToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    }
}
