package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.koban.server.access.Role;
import org.koban.server.cve.internal.CveServicesStandIn.Failure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The CVE API role by role, including the denials: 401 without a token, 403 for a change without
 * CASE_MANAGE, 404 for a case outside one's lines; and CVE Services' failures as problem+json.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CveApiPermissionIntegrationTest extends CveServicesIntegrationTestBase {

    private static final List<String> WHO =
            List.of("ADMIN", "MANAGER", "ANALYST", "ENGINEER_1", "ENGINEER_3", "VIEWER_1");

    @Autowired
    MockMvc mvc;

    @Autowired
    org.koban.server.cve.CveIds cveIds;

    final Map<String, String> tokens = new LinkedHashMap<>();
    Scenario s;

    @BeforeAll
    void setUp() {
        STAND_IN.reset();
        s = scenario(analyst(), 4);
        tokens.put("ADMIN", fixtures.token(fixtures.user(Role.ADMIN)));
        tokens.put("MANAGER", fixtures.token(fixtures.user(Role.PSIRT_MANAGER)));
        tokens.put("ANALYST", fixtures.token(fixtures.user(Role.PSIRT_ANALYST)));
        tokens.put("ENGINEER_1", fixtures.token(fixtures.user(Role.LINE_ENGINEER, s.line())));
        tokens.put("ENGINEER_3", fixtures.token(fixtures.user(Role.LINE_ENGINEER, fixtures.line())));
        tokens.put("VIEWER_1", fixtures.token(fixtures.user(Role.VIEWER, s.line())));
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.get(who));
    }

    private int statusOf(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
    }

    private String vulnerability(int i) {
        return "/api/v1/cases/" + s.caseId() + "/vulnerabilities/"
                + s.vulnerabilities().get(i) + "/cve";
    }

    private int[] statuses(MockHttpServletRequestBuilder... requests) throws Exception {
        int[] result = new int[requests.length];
        for (int i = 0; i < requests.length; i++)
            result[i] = mvc.perform(requests[i]).andReturn().getResponse().getStatus();
        return result;
    }

    @Test
    void withoutATokenEverythingIsUnauthorized() throws Exception {
        for (String path : List.of(
                "/api/v1/cve-ids", "/api/v1/cases/" + s.caseId() + "/cve", vulnerability(0) + "/cna-container")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
        }
        mvc.perform(post(vulnerability(0) + "/reservation")).andExpect(status().isUnauthorized());
    }

    @Test
    void readingFollowsTheCase() throws Exception {
        // who: the case's CVE view, a CNA container, the organisation's ids
        Map<String, int[]> expected = Map.of(
                "ADMIN", new int[] {200, 200, 200},
                "MANAGER", new int[] {200, 200, 200},
                "ANALYST", new int[] {200, 200, 200},
                "ENGINEER_1", new int[] {200, 200, 403},
                "ENGINEER_3", new int[] {404, 404, 403},
                "VIEWER_1", new int[] {200, 200, 403});
        for (String who : WHO) {
            int[] actual = statuses(
                    as(who, get("/api/v1/cases/" + s.caseId() + "/cve")),
                    as(who, get(vulnerability(0) + "/cna-container")),
                    as(who, get("/api/v1/cve-ids")));
            assertThat(actual).as(who).containsExactly(expected.get(who));
        }
    }

    @Test
    void onlyThePsirtReservesPublishesRejectsAndReconciles() throws Exception {
        // Those without CASE_MANAGE are refused before anything reaches CVE Services.
        STAND_IN.reset();
        for (String who : List.of("ENGINEER_1", "ENGINEER_3", "VIEWER_1")) {
            assertThat(statusOf(who, post(vulnerability(0) + "/reservation")))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(who, post(vulnerability(0) + "/publication")))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(
                            who,
                            post(vulnerability(0) + "/assigned")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"cveId\": \"CVE-2026-99999\"}")))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(who, post("/api/v1/cve-ids/reconciliation")))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(
                            who,
                            post("/api/v1/cve-ids/CVE-2026-99999/rejection")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"reason\": \"no\"}")))
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(STAND_IN.calls("POST", "/")).isZero();
        assertThat(STAND_IN.calls("GET", "/")).isZero();

        // Each PSIRT role reserves for its own vulnerability; the analyst then publishes.
        List<String> psirt = List.of("ADMIN", "MANAGER", "ANALYST");
        for (int i = 0; i < psirt.size(); i++) {
            mvc.perform(as(psirt.get(i), post(vulnerability(i) + "/reservation")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ASSIGNED"));
        }
        mvc.perform(as("ANALYST", post(vulnerability(2) + "/publication")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"));
        mvc.perform(as("ADMIN", post(vulnerability(0) + "/reservation")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String who : psirt) {
            assertThat(statusOf(who, post("/api/v1/cve-ids/reconciliation")))
                    .as(who)
                    .isEqualTo(200);
        }

        // The record of an assigned id: the case's line reads it, another line does not find it.
        assertThat(statusOf("ENGINEER_1", get(vulnerability(0) + "/record"))).isEqualTo(200);
        assertThat(statusOf("ENGINEER_3", get(vulnerability(0) + "/record"))).isEqualTo(404);
        mvc.perform(as("VIEWER_1", get(vulnerability(0) + "/record")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(jsonPath("$.cveMetadata.state").value("PUBLISHED"));
    }

    @Test
    void cveServicesFailuresAreProblems() throws Exception {
        // An empty pool, so that the reservation has to ask CVE Services.
        var admin = fixtures.actor(Role.ADMIN);
        cveIds.reconcile(admin);
        for (var unused : cveIds.list(admin, org.koban.server.cve.CveIdState.RESERVED)) {
            cveIds.reject(admin, unused.cveId(), "Left over by another test.");
        }
        STAND_IN.reset();
        STAND_IN.fail(Failure.UNAUTHORIZED, 1);

        mvc.perform(as("ANALYST", post(vulnerability(3) + "/reservation")))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("BAD_CREDENTIALS"));
        STAND_IN.reset();
    }
}
