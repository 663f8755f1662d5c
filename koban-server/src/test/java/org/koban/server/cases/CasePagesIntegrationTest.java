package org.koban.server.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.koban.server.cases.CaseTestSupport.capability;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.intake.SubmittedReport;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The triage and case pages, signed in through the real login form: what each person sees and may press. */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesIntegrationTest {

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

    Cookie[] analyst;
    Cookie[] engineer1;
    Cookie[] engineer2;
    Cookie[] viewer1;
    CaseDetail c;
    SubmittedReport submitted;
    UUID openReport;

    @BeforeAll
    void setUp() throws Exception {
        var line1 = fixtures.line();
        var line2 = fixtures.line();
        var v1 = fixtures.version(fixtures.product(line1), "1.0");
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        analyst = login(analystUser);
        engineer1 = login(fixtures.user(Role.LINE_ENGINEER, line1));
        engineer2 = login(fixtures.user(Role.LINE_ENGINEER, line2));
        viewer1 = login(fixtures.user(Role.VIEWER, line1));
        Actor actor = Fixtures.actorOf(analystUser);
        submitted = submit(intake, "Pages: overflow", "pages@example.org", true);
        c = cases.openFromReport(actor, reportId(jdbc, submitted.reference()), "Pages case");
        var v = cases.addVulnerability(
                actor,
                c.id(),
                new VulnerabilityCommand(
                        "Overflow", null, "CWE-787", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, null));
        cases.decideStatus(
                actor, c.id(), new StatusDecision(v.id(), List.of(v1.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        openReport =
                reportId(jdbc, submit(intake, "Pages: still open", null, false).reference());
    }

    private Cookie[] login(UserView user) throws Exception {
        return mvc.perform(post("/login")
                        .param("email", user.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookies();
    }

    @Test
    void theAnalystTriagesFromTheQueueAndTheReportPage() throws Exception {
        mvc.perform(get("/reports").cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pages: still open")));
        mvc.perform(get("/reports/" + openReport).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open a case")))
                .andExpect(content().string(containsString("Merge into an existing case")))
                .andExpect(content().string(containsString("Ask for more information")));
        // A refused decision shows the page again, with the problem and what was typed.
        mvc.perform(post("/reports/" + openReport + "/close")
                        .cookie(analyst)
                        .with(csrf())
                        .param("reason", "OTHER_VENDOR")
                        .param("message", "kept text 4711"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("forwardedTo")))
                .andExpect(content().string(containsString("kept text 4711")));
        mvc.perform(post("/reports/" + openReport + "/ask")
                        .cookie(analyst)
                        .with(csrf())
                        .param("question", "Which build?"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/reports/" + openReport).cookie(analyst))
                .andExpect(content().string(containsString("Waiting for the reporter")))
                .andExpect(content().string(containsString("Paused")));
    }

    @Test
    void eachPersonSeesTheirPartOfTheCase() throws Exception {
        mvc.perform(get("/cases/" + c.id()).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("9.8")))
                .andExpect(content().string(containsString("Out-of-bounds Write")))
                .andExpect(content().string(containsString("Decide the status of product versions")))
                .andExpect(content().string(containsString("pages@example.org")));
        mvc.perform(get("/cases/" + c.id()).cookie(engineer1))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Update task")))
                .andExpect(content().string(not(containsString("Decide the status of product versions"))))
                .andExpect(content().string(not(containsString("pages@example.org"))));
        mvc.perform(get("/cases/" + c.id()).cookie(viewer1))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Update task"))))
                .andExpect(content().string(not(containsString("/attachments/"))));
        mvc.perform(get("/cases/" + c.id()).cookie(engineer2)).andExpect(status().isNotFound());
        mvc.perform(get("/cases").cookie(engineer2))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(c.reference()))));
        mvc.perform(get("/reports").cookie(engineer1)).andExpect(status().isForbidden());
        mvc.perform(get("/cases/" + c.id() + "/vulnerabilities/new").cookie(engineer1))
                .andExpect(status().isForbidden());
    }

    @Test
    void theVulnerabilityFormScoresAsOneTypesAndKeepsInputOnError() throws Exception {
        mvc.perform(get("/cases/" + c.id() + "/vulnerabilities/new").cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cvss-calculator")));
        mvc.perform(get("/scoring/cvss-preview")
                        .cookie(analyst)
                        .param("cvss3Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("9.8")))
                .andExpect(content().string(containsString("Critical")));
        mvc.perform(get("/scoring/cvss-preview").cookie(analyst).param("cvss3Vector", "CVSS:3.1/AV:Q"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cvss-invalid")));
        mvc.perform(get("/scoring/cwe-options").cookie(analyst).param("cwe", "out-of-bounds w"))
                .andExpect(content().string(containsString("CWE-787")));
        mvc.perform(post("/cases/" + c.id() + "/vulnerabilities/new")
                        .cookie(analyst)
                        .with(csrf())
                        .param("title", "Typed title 0815")
                        .param("cvss3Vector", "CVSS:3.1/AV:Q"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Typed title 0815")))
                .andExpect(content().string(containsString("cvss3Vector")));
    }

    @Test
    void theDashboardAndTheTrackingPageShowProgress() throws Exception {
        mvc.perform(get("/").cookie(engineer1))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My work")))
                .andExpect(content().string(containsString("Open cases by state")));
        mvc.perform(get("/").cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Median times")));
        mvc.perform(get("/track/" + capability(submitted)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(c.reference())))
                .andExpect(content().string(containsString("Analysis")));
        mvc.perform(get("/admin/sla").cookie(analyst)).andExpect(status().isOk());
        mvc.perform(post("/admin/sla").cookie(analyst).with(csrf()).param("acknowledgeDays", "3"))
                .andExpect(status().isForbidden());
    }
}
