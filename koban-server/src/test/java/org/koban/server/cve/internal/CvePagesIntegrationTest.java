package org.koban.server.cve.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koban.server.access.Role;
import org.koban.server.cve.internal.CveServicesStandIn.Failure;
import org.koban.server.identity.UserView;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The case's CVE page, signed in through the real login form: what each person sees and may press. */
@Timeout(120)
class CvePagesIntegrationTest extends CveServicesIntegrationTestBase {

    @Autowired
    MockMvc mvc;

    private Cookie[] login(UserView user) throws Exception {
        return mvc.perform(post("/login")
                        .param("email", user.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookies();
    }

    @Test
    void theAnalystReservesAndPublishesFromTheCasesCvePage() throws Exception {
        STAND_IN.reset();
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        Scenario s = scenario(Fixtures.actorOf(analystUser), 1);
        Cookie[] analyst = login(analystUser);
        String page = "/cases/" + s.caseId() + "/cve";
        String vulnerability = page + "/" + s.vulnerabilities().get(0);

        mvc.perform(get("/cases/" + s.caseId()).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
        mvc.perform(get(page).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Overflow 0")))
                .andExpect(content().string(containsString("Reserve and assign a CVE id")));

        mvc.perform(post(vulnerability + "/reservation").cookie(analyst).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CVE-")))
                .andExpect(content().string(containsString("Publish the CVE record")))
                .andExpect(content().string(not(containsString("Reserve and assign a CVE id"))));
        mvc.perform(post(vulnerability + "/publication").cookie(analyst).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).cookie(analyst)).andExpect(content().string(containsString("Update the CVE record")));
        mvc.perform(get(vulnerability + "/record.json").cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"cveMetadata\"")));
    }

    @Test
    void aFailureAtCveServicesIsShownOnThePage() throws Exception {
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        Scenario s = scenario(Fixtures.actorOf(analystUser), 1);
        Cookie[] analyst = login(analystUser);
        // An empty pool, so that the reservation has to ask CVE Services.
        mvc.perform(post("/cases/" + s.caseId() + "/cve/reconciliation")
                .cookie(analyst)
                .with(csrf()));
        STAND_IN.reset();
        var admin = fixtures.actor(Role.ADMIN);
        for (var unused : cveIds.list(admin, org.koban.server.cve.CveIdState.RESERVED)) {
            cveIds.reject(admin, unused.cveId(), "Left over by another test.");
        }
        STAND_IN.reset();
        STAND_IN.fail(Failure.UNAUTHORIZED, 1);

        mvc.perform(post("/cases/" + s.caseId() + "/cve/" + s.vulnerabilities().get(0) + "/reservation")
                        .cookie(analyst)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("refused Koban&#39;s CNA credentials")));
        STAND_IN.reset();
    }

    @Test
    void readersSeeTheIdsButNoButtonsAndOtherLinesDoNotFindThePage() throws Exception {
        Scenario s = scenario(analyst(), 1);
        Cookie[] viewer = login(fixtures.user(Role.VIEWER, s.line()));
        Cookie[] otherLine = login(fixtures.user(Role.LINE_ENGINEER, fixtures.line()));
        String page = "/cases/" + s.caseId() + "/cve";

        mvc.perform(get(page).cookie(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CNA container (JSON)")))
                .andExpect(content().string(not(containsString("Reserve and assign"))))
                .andExpect(content().string(not(containsString("Compare with CVE Services"))));
        mvc.perform(post(page + "/" + s.vulnerabilities().get(0) + "/reservation")
                        .cookie(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(page).cookie(otherLine)).andExpect(status().isNotFound());
    }

    @Autowired
    org.koban.server.cve.CveIds cveIds;
}
