package org.koban.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@KobanIntegrationTest
class IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithTheRightPasswordOnly() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_ANALYST);
        mvc.perform(formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("email", user.email()).password("password", "wrong password!"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("email", "nobody@example.com").password("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anOverlongPasswordOrEmailIsAWrongSignInNotAnError() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_ANALYST);
        mvc.perform(loginFrom("192.0.2.90", user.email(), "x".repeat(5000))).andExpect(redirectedUrl("/login?error"));
        mvc.perform(loginFrom("192.0.2.90", "a".repeat(5000) + "@example.com", "whatever"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void locksAnAccountAfterRepeatedFailuresUntilAnAdminUnlocksIt() throws Exception {
        UserView user = fixtures.user(Role.VIEWER, fixtures.line());
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("email", user.email()).password("password", "guess " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Even the right password is refused while the account is locked, with the same answer as a
        // wrong one, so that locking an account does not reveal that it exists.
        mvc.perform(formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(users.get(Actor.system(), user.id()).lockedUntil()).isNotNull();
        users.unlock(Actor.system(), user.id());
        mvc.perform(formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        UserView user = fixtures.user(Role.ADMIN);
        Cookie session = signIn(user);
        mvc.perform(post("/organisation/sites/new")
                        .cookie(session)
                        .param("code", "X")
                        .param("name", "X"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("script-src 'self';"),
                                        org.hamcrest.Matchers.containsString("style-src 'self';"),
                                        org.hamcrest.Matchers.not(
                                                org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        var line = fixtures.line();
        String engineerPage = mvc.perform(get("/").cookie(signIn(fixtures.user(Role.LINE_ENGINEER, line))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(engineerPage)
                .contains("href=\"/catalog/products\"")
                .doesNotContain("href=\"/admin/users\"")
                .doesNotContain("href=\"/admin/audit\"");
        String adminPage = mvc.perform(get("/").cookie(signIn(fixtures.user(Role.ADMIN))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(adminPage).contains("href=\"/admin/users\"").contains("href=\"/admin/audit\"");
        mvc.perform(get("/admin/users").cookie(signIn(fixtures.user(Role.LINE_ENGINEER, line))))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiTokensWorkUntilRevokedAndRecordTheirLastUse() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_MANAGER);
        IssuedApiToken issued = tokens.issue(Fixtures.actorOf(user), "ci", null);
        assertThat(issued.secret()).startsWith("kbn_").hasSizeGreaterThan(40);
        String stored = jdbc.sql("select token_hash from api_token where id = :id")
                .param("id", issued.token().id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(issued.secret()).hasSize(64);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(user.email()))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        assertThat(tokens.listOwn(Fixtures.actorOf(user)))
                .singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());

        mvc.perform(delete("/api/v1/me/tokens/" + issued.token().id())
                        .header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer kbn_made_up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSessionCookieDoesNotOpenTheApi() throws Exception {
        Cookie session = signIn(fixtures.user(Role.ADMIN));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void disablingAUserEndsTheirAccessAtOnce() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_ANALYST);
        String token = fixtures.token(user);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        users.update(
                Actor.system(),
                user.id(),
                new UserCommand(user.email(), user.displayName(), null, user.roles(), user.lineIds(), false));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void changingRolesTakesEffectOnTheNextRequest() throws Exception {
        UserView user = fixtures.user(Role.ADMIN);
        String token = fixtures.token(user);
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        users.update(
                Actor.system(),
                user.id(),
                new UserCommand(user.email(), user.displayName(), null, Set.of(Role.PSIRT_ANALYST), Set.of(), true));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void changesOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        UserView user = fixtures.user(Role.VIEWER, fixtures.line());
        Actor actor = Fixtures.actorOf(user);
        assertThatThrownBy(() -> users.changeOwnPassword(actor, "not it at all", "a brand new passphrase"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("currentPassword"));
        assertThatThrownBy(() -> users.changeOwnPassword(actor, Fixtures.PASSWORD, "short"))
                .isInstanceOf(InvalidInputException.class);
        users.changeOwnPassword(actor, Fixtures.PASSWORD, "a brand new passphrase");
        mvc.perform(formLogin("/login").user("email", user.email()).password("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyAdminsManageUsersAndLineRolesNeedALine() {
        var line = fixtures.line();
        var command = new UserCommand(
                Fixtures.unique("u") + "@example.com",
                "New",
                Fixtures.PASSWORD,
                Set.of(Role.VIEWER),
                Set.of(line.id()),
                true);
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) continue;
            Actor actor = fixtures.actor(role, line);
            assertThatThrownBy(() -> users.create(actor, command)).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> users.create(
                        Actor.system(),
                        new UserCommand(
                                "no-line@example.com",
                                "X",
                                Fixtures.PASSWORD,
                                Set.of(Role.LINE_ENGINEER),
                                Set.of(),
                                true)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("lineIds"));
        assertThatThrownBy(() -> users.create(
                        Actor.system(), new UserCommand("not-an-email", "", "short", Set.of(), Set.of(), true)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactlyInAnyOrder("email", "displayName", "roles", "password"));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        UserView admin = fixtures.user(Role.ADMIN);
        assertThatThrownBy(() -> users.update(
                        Fixtures.actorOf(admin),
                        admin.id(),
                        new UserCommand(
                                admin.email(),
                                admin.displayName(),
                                null,
                                Set.of(Role.VIEWER),
                                Set.of(fixtures.line().id()),
                                true)))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Signs in through the real form; sessions live in the database, so the cookie is what carries them. */
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

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_ANALYST);
        Cookie laptop = signIn(user);
        Cookie phone = signIn(user);
        mvc.perform(post("/account/password")
                        .cookie(laptop)
                        .with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "another long passphrase")
                        .param("confirmPassword", "another long passphrase"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(phone)).andExpect(status().is3xxRedirection());
    }

    @Test
    void refusesSignInsFromAnAddressThatFailedTooOften() throws Exception {
        UserView user = fixtures.user(Role.PSIRT_ANALYST);
        // Failures spread over unknown accounts, as in password spraying: no account gets locked.
        for (int i = 0; i < 30; i++) {
            mvc.perform(loginFrom("192.0.2.77", "spray" + i + "@example.com", "Winter2026!"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(loginFrom("192.0.2.77", user.email(), Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?throttled"));
        // Other addresses are not affected.
        mvc.perform(loginFrom("192.0.2.78", user.email(), Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(
            String address, String email, String password) {
        return post("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Cookie session = signIn(fixtures.user(Role.VIEWER, fixtures.line()));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
    }
}
