package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.identity.UserView;
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
 * The permission matrix of sharing and the participant portal over HTTP, role by role, including the denials:
 * staff never use the portal (403), participants never reach Koban's inside (403), a participant reaching
 * another participant's side of a case, or a case not shared with their party, gets 404.
 */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPermissionIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Participants participants;

    @Autowired
    Sharing sharing;

    @Autowired
    JdbcClient jdbc;

    final Map<String, String> tokens = new LinkedHashMap<>();
    UserView participantA;
    UUID caseId;
    UUID partA;
    UUID partB;
    UUID attachment;
    UUID vulnerability;
    Actor analyst;

    @BeforeAll
    void setUp() {
        ProductionLineView line1 = fixtures.line();
        ProductionLineView line3 = fixtures.line();
        var version = fixtures.version(fixtures.product(line1), "1.0");
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                analyst,
                reportId(
                        jdbc,
                        submit(intake, "Shared PoC", "r@lab.example", true).reference()),
                "Shared");
        caseId = c.id();
        var v = cases.addVulnerability(
                analyst, caseId, new VulnerabilityCommand("Overflow", null, null, null, null, null));
        vulnerability = v.id();
        cases.decideStatus(
                analyst,
                caseId,
                new StatusDecision(v.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        attachment = cases.get(analyst, caseId, PageQuery.all())
                .reports()
                .getFirst()
                .attachments()
                .getFirst()
                .id();
        PartyView a = fixtures.party("Coordinator A", PartyKind.COORDINATOR);
        PartyView b = fixtures.party("Vendor B", PartyKind.VENDOR);
        PartyView outsider = fixtures.party("Not on the case", PartyKind.VENDOR);
        partA = participants
                .add(analyst, caseId, a.id(), ParticipantRole.COORDINATOR, "VU#100", null)
                .id();
        partB = participants
                .add(analyst, caseId, b.id(), ParticipantRole.VENDOR, null, null)
                .id();
        sharing.share(analyst, caseId, partA, new ShareCommand(true, true, Set.of(v.id()), Set.of(attachment)));
        sharing.write(analyst, caseId, partB, "B's thread only");

        tokens.put("ADMIN", fixtures.token(fixtures.user(Role.ADMIN)));
        tokens.put("MANAGER", fixtures.token(fixtures.user(Role.PSIRT_MANAGER)));
        tokens.put("ANALYST", fixtures.token(fixtures.user(Role.PSIRT_ANALYST)));
        tokens.put("ENGINEER_1", fixtures.token(fixtures.user(Role.LINE_ENGINEER, line1)));
        tokens.put("ENGINEER_3", fixtures.token(fixtures.user(Role.LINE_ENGINEER, line3)));
        tokens.put("VIEWER_1", fixtures.token(fixtures.user(Role.VIEWER, line1)));
        participantA = fixtures.participant(a);
        tokens.put("PARTICIPANT_A", fixtures.token(participantA));
        tokens.put("PARTICIPANT_B", fixtures.token(fixtures.participant(b)));
        tokens.put("OUTSIDER", fixtures.token(fixtures.participant(outsider)));
    }

    private MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + tokens.get(who));
    }

    private int statusOf(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void thePortalIsForParticipantsOfThatPartyOnly() throws Exception {
        // who: portal list, A's shared case, A's export, A's shared file, write in A's thread
        Map<String, int[]> expected = new LinkedHashMap<>();
        for (String staff : List.of("ADMIN", "MANAGER", "ANALYST", "ENGINEER_1", "ENGINEER_3", "VIEWER_1")) {
            expected.put(staff, new int[] {403, 403, 403, 403, 403});
        }
        expected.put("PARTICIPANT_A", new int[] {200, 200, 200, 200, 201});
        expected.put("PARTICIPANT_B", new int[] {200, 404, 404, 404, 404});
        expected.put("OUTSIDER", new int[] {200, 404, 404, 404, 404});
        String a = "/api/v1/portal/cases/" + partA;
        for (var entry : expected.entrySet()) {
            String who = entry.getKey();
            int[] actual = {
                statusOf(who, get("/api/v1/portal/cases")),
                statusOf(who, get(a)),
                statusOf(who, get(a + "/export")),
                statusOf(who, get(a + "/files/" + attachment)),
                statusOf(who, json(post(a + "/messages"), "{\"body\": \"hello from " + who + "\"}"))
            };
            assertThat(actual).as(who).containsExactly(entry.getValue());
        }
    }

    @Test
    void sharingIsForThoseWhoSeeTheCaseAndChangedByThePsirt() throws Exception {
        // who: read sharing, change sharing, read thread, export, invite, the case itself
        String base = "/api/v1/cases/" + caseId + "/participants/" + partA;
        String share = "{\"summary\": true, \"reporterContact\": true, \"vulnerabilityIds\": [], \"attachmentIds\": [\""
                + attachment + "\"]}";
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("ADMIN", new int[] {200, 200, 200, 200, 200});
        expected.put("MANAGER", new int[] {200, 200, 200, 200, 200});
        expected.put("ANALYST", new int[] {200, 200, 200, 200, 200});
        expected.put("ENGINEER_1", new int[] {200, 403, 200, 200, 200});
        expected.put("ENGINEER_3", new int[] {404, 403, 404, 404, 404});
        expected.put("VIEWER_1", new int[] {200, 403, 200, 200, 200});
        expected.put("PARTICIPANT_A", new int[] {403, 403, 403, 403, 403});
        expected.put("PARTICIPANT_B", new int[] {403, 403, 403, 403, 403});
        for (var entry : expected.entrySet()) {
            String who = entry.getKey();
            int[] actual = {
                statusOf(who, get(base + "/sharing")),
                statusOf(who, json(put(base + "/sharing"), share)),
                statusOf(who, get(base + "/messages")),
                statusOf(who, get(base + "/export")),
                statusOf(who, get("/api/v1/cases/" + caseId))
            };
            assertThat(actual).as(who).containsExactly(entry.getValue());
        }
        // Inviting and writing to a participant are the PSIRT's.
        for (String who : List.of("ENGINEER_1", "VIEWER_1", "PARTICIPANT_A")) {
            assertThat(statusOf(
                            who,
                            json(post(base + "/invitations"), "{\"email\": \"x@y.example\", \"displayName\": \"X\"}")))
                    .as(who)
                    .isEqualTo(403);
            assertThat(statusOf(who, json(post(base + "/messages"), "{\"body\": \"x\"}")))
                    .as(who)
                    .isEqualTo(403);
        }
    }

    @Test
    void participantsReachNothingInside() throws Exception {
        for (String path : List.of(
                "/api/v1/reports",
                "/api/v1/cases",
                "/api/v1/cases/" + caseId + "/participants",
                "/api/v1/cases/" + caseId + "/embargo",
                "/api/v1/cases/" + caseId + "/attachments/" + attachment,
                "/api/v1/parties",
                "/api/v1/sla-policy",
                "/api/v1/users")) {
            assertThat(statusOf("PARTICIPANT_A", get(path))).as(path).isIn(403, 404);
        }
    }

    @Test
    void theExportAndTheSharedFileOverHttp() throws Exception {
        // Another test changes the sharing: say here what this one relies on.
        sharing.share(analyst, caseId, partA, new ShareCommand(true, true, Set.of(vulnerability), Set.of(attachment)));
        String a = "/api/v1/portal/cases/" + partA;
        mvc.perform(as("PARTICIPANT_A", get(a + "/export")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
                .andExpect(jsonPath("$.format").value("koban-shared-timeline/1"))
                .andExpect(jsonPath("$.theirReference").value("VU#100"))
                .andExpect(jsonPath("$.vulnerabilities[0].title").value("Overflow"))
                .andExpect(jsonPath("$.timeline[*].kind", Matchers.hasItem("share")))
                .andExpect(jsonPath("$.timeline[*].body", Matchers.not(Matchers.hasItem("B's thread only"))));
        mvc.perform(as("PARTICIPANT_A", get(a + "/files/" + attachment)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"));
        mvc.perform(as("PARTICIPANT_A", json(put(a + "/answers/" + UUID.randomUUID()), "{\"status\": \"affected\"}")))
                .andExpect(status().isNotFound());
        mvc.perform(as("PARTICIPANT_A", json(post(a + "/embargo-response"), "{}")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aParticipantSignsInToThePortalAndSeesOnlyItsMenu() throws Exception {
        sharing.share(analyst, caseId, partA, new ShareCommand(true, true, Set.of(vulnerability), Set.of(attachment)));
        Cookie session = mvc.perform(post("/login")
                        .param("email", participantA.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/portal"));
        String portal = mvc.perform(get("/portal").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(portal)
                .contains("VU#100")
                .contains("Shared cases")
                .doesNotContain("Triage")
                .doesNotContain(">Cases<");
        mvc.perform(get("/portal/cases/" + partA).cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPathFreeContains("Overflow"));
        mvc.perform(get("/portal/cases/" + partB).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/coordination").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/reports").cookie(session)).andExpect(status().isForbidden());
        // A refused answer shows the page again with the problem and what was typed.
        String refused = mvc.perform(post("/portal/cases/" + partA + "/messages")
                        .cookie(session)
                        .with(csrf())
                        .param("body", " "))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is required");
    }

    @Test
    void theirReferenceStandsBesideOursOnTheCasePages() throws Exception {
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        Cookie session = mvc.perform(post("/login")
                        .param("email", analystUser.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        String casePage = mvc.perform(get("/cases/" + caseId).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(casePage).contains("VU#100");
        String reference = cases.get(analyst, caseId, PageQuery.of(null, 0, 1)).reference();
        String list = mvc.perform(get("/cases").param("q", reference).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(reference).contains("VU#100");
    }

    private static org.springframework.test.web.servlet.ResultMatcher jsonPathFreeContains(String text) {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString(text));
    }
}
