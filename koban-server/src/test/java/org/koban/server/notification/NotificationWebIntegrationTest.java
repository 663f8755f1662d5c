package org.koban.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Role;
import org.koban.server.identity.UserView;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The admin's outbox (page and API) and each person's mail preferences (page and API), with their permissions. */
@KobanIntegrationTest
class NotificationWebIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private Cookie signIn(UserView user) throws Exception {
        Cookie session = mvc.perform(
                        formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private List<UserView> everyoneButAdmins() {
        ProductionLineView line = fixtures.line();
        return List.of(
                fixtures.user(Role.PSIRT_MANAGER),
                fixtures.user(Role.PSIRT_ANALYST),
                fixtures.user(Role.LINE_ENGINEER, line),
                fixtures.user(Role.VIEWER, line));
    }

    private String queueMail(String secret) {
        String reporter = Fixtures.unique("reporter") + "@example.org";
        transactions.executeWithoutResult(status -> events.publishEvent(
                new ReporterNotified(UUID.randomUUID(), "KOBAN-R-2026-7001", reporter, null, "A question", secret)));
        return reporter;
    }

    @Test
    void theOutboxApiIsForAdminsAndNeverShowsABody() throws Exception {
        String reporter = queueMail("the secret message text");
        String admin = fixtures.token(fixtures.user(Role.ADMIN));
        String json = mvc.perform(get("/api/v1/outbox").param("q", reporter).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(25))
                .andExpect(jsonPath("$.items[0].recipient").value(reporter))
                .andExpect(jsonPath("$.items[0].kind").value("REPORTER_MESSAGE"))
                .andExpect(jsonPath("$.items[0].subject").value("A question [KOBAN-R-2026-7001]"))
                .andExpect(jsonPath("$.items[0].state").value("PENDING"))
                .andExpect(jsonPath("$.items[0].attempts").value(0))
                .andExpect(jsonPath("$.items[0].body").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain("secret message");

        for (UserView user : everyoneButAdmins()) {
            mvc.perform(get("/api/v1/outbox").header("Authorization", "Bearer " + fixtures.token(user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/outbox")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOutboxPageIsForAdminsWithANavigationLinkAndWithoutTheBody() throws Exception {
        String reporter = queueMail("another secret message text");
        Cookie admin = signIn(fixtures.user(Role.ADMIN));
        String page = mvc.perform(get("/admin/outbox").param("q", reporter).cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(reporter)
                .contains("A question [KOBAN-R-2026-7001]")
                .contains("pending")
                .contains("href=\"/admin/outbox\"")
                .doesNotContain("another secret message")
                .doesNotContain("style=")
                .doesNotContain("<script>");

        for (UserView user : everyoneButAdmins()) {
            Cookie session = signIn(user);
            mvc.perform(get("/admin/outbox").cookie(session)).andExpect(status().isForbidden());
            String home = mvc.perform(get("/").cookie(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(home).doesNotContain("href=\"/admin/outbox\"");
        }
    }

    @Test
    void everyoneChoosesTheirMailOnTheirAccountPage() throws Exception {
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, fixtures.line());
        Cookie session = signIn(engineer);
        assertThat(mvc.perform(get("/account").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("href=\"/account/notifications\"");
        String form = mvc.perform(get("/account/notifications").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"_csrf\"").contains("value=\"SLA_BREACHES\" checked");

        mvc.perform(post("/account/notifications")
                        .cookie(session)
                        .param("topic", "TASK_ASSIGNMENTS")
                        .param("topic", "SLA_BREACHES"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + fixtures.token(engineer)))
                .andExpect(jsonPath("$.slaWarnings").value(true));

        mvc.perform(post("/account/notifications")
                        .cookie(session)
                        .with(csrf())
                        .param("topic", "TASK_ASSIGNMENTS")
                        .param("topic", "SLA_BREACHES"))
                .andExpect(redirectedUrl("/account/notifications"));
        mvc.perform(get("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + fixtures.token(engineer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newReports").value(false))
                .andExpect(jsonPath("$.reporterReplies").value(false))
                .andExpect(jsonPath("$.taskAssignments").value(true))
                .andExpect(jsonPath("$.slaWarnings").value(false))
                .andExpect(jsonPath("$.slaBreaches").value(true));
        String after = mvc.perform(get("/account/notifications").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("value=\"SLA_BREACHES\" checked").doesNotContain("value=\"SLA_WARNINGS\" checked");
    }

    @Test
    void thePreferenceApiRefusesAPartialChangeAndStrangers() throws Exception {
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        String token = fixtures.token(analyst);
        mvc.perform(put("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newReports\": false}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "reporterReplies",
                                "taskAssignments",
                                "slaWarnings",
                                "slaBreaches",
                                "participantReplies")));
        // What GET answers can be sent back unchanged: it has exactly the six fields.
        String current = mvc.perform(
                        get("/api/v1/me/notification-preferences").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.newReports").value(true))
                .andExpect(jsonPath("$.length()").value(6))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(put("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(current))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"newReports": false, "reporterReplies": true, "taskAssignments": true,
                                 "slaWarnings": true, "slaBreaches": true, "participantReplies": true}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newReports").value(false));
        mvc.perform(get("/api/v1/me/notification-preferences")).andExpect(status().isUnauthorized());
    }
}
