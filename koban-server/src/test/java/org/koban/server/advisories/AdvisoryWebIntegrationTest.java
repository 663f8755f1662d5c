package org.koban.server.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Advisory pages and API: the permission matrix by role, and a refused form that keeps what was typed. */
@KobanIntegrationTest
class AdvisoryWebIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Advisories advisories;

    @Autowired
    JdbcClient jdbc;

    private UUID caseWithDecision(Actor analyst) {
        var line = fixtures.line();
        var version = fixtures.version(fixtures.product(line), "2.0");
        var c = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "web advisory", null, false).reference()),
                "Web");
        var v = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Bug", "desc", null, null, null, null));
        cases.decideStatus(
                analyst, c.id(), new StatusDecision(v.id(), List.of(version.id()), VersionStatus.FIXED, null, null));
        return c.id();
    }

    @Test
    void theMatrixByRole() throws Exception {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        UUID caseId = caseWithDecision(analyst);
        AdvisoryView advisory = advisories.createFromCase(analyst, caseId);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Role role : Role.values()) tokens.put(role.name(), fixtures.token(fixtures.user(role, fixtures.line())));
        // who: list, one, preview, edit, approve (in review, by someone who did not edit it)
        Map<String, int[]> expected = Map.of(
                "ADMIN", new int[] {200, 200, 200, 200},
                "PSIRT_MANAGER", new int[] {200, 200, 200, 200},
                "PSIRT_ANALYST", new int[] {200, 200, 200, 200},
                "LINE_ENGINEER", new int[] {403, 403, 403, 403},
                "VIEWER", new int[] {403, 403, 403, 403},
                "PARTICIPANT", new int[] {403, 403, 403, 403});
        String body = "{\"title\": \"T\", \"summary\": \"S\"}";
        for (var e : expected.entrySet()) {
            String token = tokens.get(e.getKey());
            int[] actual = {
                statusOf(token, get("/api/v1/advisories")),
                statusOf(token, get("/api/v1/advisories/" + advisory.id())),
                statusOf(token, get("/api/v1/advisories/" + advisory.id() + "/preview")),
                statusOf(
                        token,
                        put("/api/v1/advisories/" + advisory.id())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
            };
            assertThat(actual).as(e.getKey()).containsExactly(e.getValue());
        }
        advisories.submit(analyst, advisory.id());
        // The managers above edited the revision (the PUT): a manager who did not approves it.
        tokens.put("APPROVER", fixtures.token(fixtures.user(Role.PSIRT_MANAGER)));
        for (String who : List.of("PSIRT_ANALYST", "LINE_ENGINEER", "VIEWER", "PARTICIPANT")) {
            assertThat(statusOf(tokens.get(who), post("/api/v1/advisories/" + advisory.id() + "/approval")))
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(statusOf(tokens.get("APPROVER"), post("/api/v1/advisories/" + advisory.id() + "/approval")))
                .isEqualTo(200);
        assertThat(statusOf(tokens.get("PSIRT_ANALYST"), post("/api/v1/advisories/" + advisory.id() + "/publication")))
                .isEqualTo(403);
        assertThat(statusOf(tokens.get("APPROVER"), post("/api/v1/advisories/" + advisory.id() + "/publication")))
                .isEqualTo(200);
        assertThat(statusOf(tokens.get("VIEWER"), get("/api/v1/advisories/" + advisory.id() + "/revisions/1/csaf")))
                .isEqualTo(403);
        String csaf = mvc.perform(get("/api/v1/advisories/" + advisory.id() + "/revisions/1/csaf")
                        .header("Authorization", "Bearer " + tokens.get("PSIRT_ANALYST")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csaf).contains("\"csaf_version\"").contains(advisory.trackingId());
    }

    @Test
    void aRefusedEditKeepsWhatWasTypedAndThePageShowsWhyItCannotBeApproved() throws Exception {
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        Actor analyst = Fixtures.actorOf(analystUser);
        var c = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "page advisory", null, false).reference()),
                "Page");
        cases.addVulnerability(analyst, c.id(), new VulnerabilityCommand("Undecided bug", "d", null, null, null, null));
        Cookie session = mvc.perform(post("/login")
                        .param("email", analystUser.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/cases/" + c.id() + "/advisory").cookie(session)).andExpect(status().isOk());
        String location = mvc.perform(
                        post("/cases/" + c.id() + "/advisory").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/advisories/");
        mvc.perform(get("/cases/" + c.id() + "/advisory").cookie(session)).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(location).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("csaf-errors").contains("6.1.27.6").contains("/vulnerabilities/0/product_status");
        // Once a version is decided, the page also previews the vulnerability's CVE record.
        var version = fixtures.version(fixtures.product(fixtures.line()), "3.0");
        var vulnerabilityId = cases.get(analyst, c.id(), org.koban.server.shared.PageQuery.of(null, 0, 1))
                .vulnerabilities()
                .getFirst()
                .id();
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(vulnerabilityId, List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        String decided = mvc.perform(get(location).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(decided)
                .contains("csaf-valid")
                .contains("CVE JSON 5 records")
                .contains("&quot;cnaContainer&quot;");
        String refused = mvc.perform(post(location)
                        .cookie(session)
                        .with(csrf())
                        .param("title", "Kept title <b>bold</b>")
                        .param("summary", "")
                        .param("fixUrl", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("value=\"Kept title &lt;b&gt;bold&lt;/b&gt;\"")
                .contains("summary")
                .contains("fixUrl");
    }

    private int statusOf(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
