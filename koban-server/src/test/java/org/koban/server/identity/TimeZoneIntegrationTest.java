package org.koban.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.intake.Intake;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Each person reads dates and times in the time zone they chose; UTC until they choose. */
@KobanIntegrationTest
class TimeZoneIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCasePageShowsTimesInTheReadersZone() throws Exception {
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                Fixtures.actorOf(analyst),
                reportId(jdbc, submit(intake, "zones", null, false).reference()),
                "Zones");
        Cookie session = mvc.perform(post("/login")
                        .param("email", analyst.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        String before = page(session, "/cases/" + c.id());
        assertThat(before).contains(" UTC</span>").doesNotContain("Asia/Tokyo");

        String refused = mvc.perform(
                        post("/account/time-zone").cookie(session).with(csrf()).param("timeZone", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is not a time zone");
        mvc.perform(post("/account/time-zone").cookie(session).with(csrf()).param("timeZone", "Asia/Tokyo"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.get(Fixtures.actorOf(analyst), analyst.id()).timeZone())
                .isEqualTo("Asia/Tokyo");
        assertThat(page(session, "/cases/" + c.id())).contains(" Asia/Tokyo</span>");
        assertThat(page(session, "/account")).contains("Asia/Tokyo");

        // Back to UTC.
        users.setOwnTimeZone(Fixtures.actorOf(analyst), "UTC");
        assertThat(users.get(Fixtures.actorOf(analyst), analyst.id()).timeZone())
                .isNull();
        assertThatThrownBy(() -> users.setOwnTimeZone(Fixtures.actorOf(analyst), "Not/AZone"))
                .isInstanceOf(InvalidInputException.class);
    }

    private String page(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
