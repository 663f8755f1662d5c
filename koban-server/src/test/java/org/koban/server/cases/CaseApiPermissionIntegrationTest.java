package org.koban.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.Intake;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The permission matrix for reports, cases, tasks and proof-of-concept files over HTTP, role by role,
 * including the denials: 401 without a token, 403 for a forbidden action, 404 for a case outside one's lines.
 */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiPermissionIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    final Map<String, String> tokens = new LinkedHashMap<>();
    UUID reportId;
    UUID caseId;
    UUID task1;
    UUID task2;
    UUID attachment;

    @BeforeAll
    void setUp() {
        ProductionLineView line1 = fixtures.line();
        ProductionLineView line2 = fixtures.line();
        ProductionLineView line3 = fixtures.line();
        ProductVersionView v1 = fixtures.version(fixtures.product(line1), "1.0");
        ProductVersionView v2 = fixtures.version(fixtures.product(line2), "1.0");
        tokens.put("ADMIN", fixtures.token(fixtures.user(Role.ADMIN)));
        tokens.put("MANAGER", fixtures.token(fixtures.user(Role.PSIRT_MANAGER)));
        tokens.put("ANALYST", fixtures.token(fixtures.user(Role.PSIRT_ANALYST)));
        tokens.put("ENGINEER_1", fixtures.token(fixtures.user(Role.LINE_ENGINEER, line1)));
        tokens.put("ENGINEER_3", fixtures.token(fixtures.user(Role.LINE_ENGINEER, line3)));
        tokens.put("VIEWER_1", fixtures.token(fixtures.user(Role.VIEWER, line1)));

        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var opened = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "PoC attached", null, true).reference()),
                "Case for the matrix");
        caseId = opened.id();
        var v = cases.addVulnerability(
                analyst, caseId, new VulnerabilityCommand("Overflow", null, null, null, null, null));
        var assigned = cases.decideStatus(
                analyst,
                caseId,
                new StatusDecision(v.id(), List.of(v1.id(), v2.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        task1 = assigned.tasks().stream()
                .filter(t -> t.lineId().equals(line1.id()))
                .findFirst()
                .orElseThrow()
                .id();
        task2 = assigned.tasks().stream()
                .filter(t -> t.lineId().equals(line2.id()))
                .findFirst()
                .orElseThrow()
                .id();
        attachment = cases.get(analyst, caseId, PageQuery.all())
                .reports()
                .get(0)
                .attachments()
                .get(0)
                .id();
        reportId = reportId(jdbc, submit(intake, "Another report", null, false).reference());
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.get(who));
    }

    private int statusOf(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
    }

    @Test
    void withoutATokenEverythingButSubmissionIsUnauthorized() throws Exception {
        for (String path : List.of(
                "/api/v1/reports",
                "/api/v1/reports/" + reportId,
                "/api/v1/cases",
                "/api/v1/cases/" + caseId,
                "/api/v1/cases/" + caseId + "/attachments/" + attachment,
                "/api/v1/sla-policy")) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void readingFollowsTheMatrix() throws Exception {
        // who: triage queue, one report, the case, its timeline, its PoC file
        Map<String, int[]> expected = Map.of(
                "ADMIN", new int[] {200, 200, 200, 200, 200},
                "MANAGER", new int[] {200, 200, 200, 200, 200},
                "ANALYST", new int[] {200, 200, 200, 200, 200},
                "ENGINEER_1", new int[] {403, 403, 200, 200, 200},
                "ENGINEER_3", new int[] {403, 403, 404, 404, 404},
                "VIEWER_1", new int[] {403, 403, 200, 200, 403});
        for (var entry : expected.entrySet()) {
            String who = entry.getKey();
            int[] actual = {
                statusOf(who, get("/api/v1/reports")),
                statusOf(who, get("/api/v1/reports/" + reportId)),
                statusOf(who, get("/api/v1/cases/" + caseId)),
                statusOf(who, get("/api/v1/cases/" + caseId + "/timeline")),
                statusOf(who, get("/api/v1/cases/" + caseId + "/attachments/" + attachment))
            };
            assertThat(actual).as(who).containsExactly(entry.getValue());
        }
    }

    @Test
    void aFileIsServedOnlyAsAnOpaqueDownload() throws Exception {
        mvc.perform(as("ENGINEER_1", get("/api/v1/cases/" + caseId + "/attachments/" + attachment)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(content().string(CaseTestSupport.POC));
        // A file id of another case is not found through this case.
        mvc.perform(as("ANALYST", get("/api/v1/cases/" + caseId + "/attachments/" + UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }

    @Test
    void changingFollowsTheMatrix() throws Exception {
        String note = "{\"text\": \"seen\"}";
        String move = "{\"state\": \"in_progress\"}";
        // Notes: PSIRT and the case's line engineers; not viewers, not other lines.
        assertThat(statusOf(
                        "ENGINEER_1",
                        post("/api/v1/cases/" + caseId + "/notes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(note)))
                .isEqualTo(200);
        assertThat(statusOf(
                        "VIEWER_1",
                        post("/api/v1/cases/" + caseId + "/notes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(note)))
                .isEqualTo(403);
        assertThat(statusOf(
                        "ENGINEER_3",
                        post("/api/v1/cases/" + caseId + "/notes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(note)))
                .isEqualTo(404);
        // Tasks: one's own line only; another line's task is not even visible.
        assertThat(statusOf(
                        "ENGINEER_1",
                        post("/api/v1/cases/" + caseId + "/tasks/" + task2 + "/transitions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(move)))
                .isEqualTo(404);
        assertThat(statusOf(
                        "VIEWER_1",
                        post("/api/v1/cases/" + caseId + "/tasks/" + task1 + "/transitions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(move)))
                .isEqualTo(403);
        assertThat(statusOf(
                        "ENGINEER_1",
                        post("/api/v1/cases/" + caseId + "/tasks/" + task1 + "/transitions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(move)))
                .isEqualTo(200);
        // The case itself and triage: the PSIRT only.
        String defer = "{\"state\": \"deferred\", \"reason\": \"waiting for the supplier\"}";
        for (String who : List.of("ENGINEER_1", "VIEWER_1")) {
            assertThat(statusOf(
                            who,
                            post("/api/v1/cases/" + caseId + "/transitions")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(defer)))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(
                            who,
                            post("/api/v1/reports/" + reportId + "/messages")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"message\": \"hi\"}")))
                    .as(who)
                    .isEqualTo(403);
        }
        // SLA policy: everyone on the PSIRT reads it, only the manager (and admin) changes it.
        String policy = "{\"acknowledgeDays\": 2, \"triageDays\": 7, \"fixCriticalDays\": 30, \"fixHighDays\": 60,"
                + " \"fixMediumDays\": 90, \"fixLowDays\": 180, \"warningPercent\": 75}";
        assertThat(statusOf(
                        "ANALYST",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/sla-policy")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(policy)))
                .isEqualTo(403);
        assertThat(statusOf(
                        "MANAGER",
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/sla-policy")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(policy)))
                .isEqualTo(200);
        assertThat(statusOf("ENGINEER_1", get("/api/v1/sla-policy"))).isEqualTo(403);
    }

    @Test
    void badInputGetsEveryProblemAsProblemJson() throws Exception {
        mvc.perform(as("ANALYST", post("/api/v1/cases/" + caseId + "/vulnerabilities"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"cwe\": \"CWE-1000\", \"cvss3Vector\": \"CVSS:3.0/AV:N\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cvss3Vector")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"cwe\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"title\"")));
        mvc.perform(as("ANALYST", post("/api/v1/reports/" + reportId + "/closure"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"bored\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("reason")));
    }
}
