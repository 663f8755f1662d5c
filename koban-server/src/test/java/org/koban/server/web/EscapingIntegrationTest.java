package org.koban.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Text that people type is shown as text: markup in a name renders inert, on every page that shows it. */
@KobanIntegrationTest
class EscapingIntegrationTest {

    private static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisation organisation;

    @Autowired
    Fixtures fixtures;

    @Test
    void markupInNamesAndDescriptionsIsEscapedOnEveryPage() throws Exception {
        var site = organisation.createSite(
                Actor.system(), new SiteCommand(Fixtures.unique("XSS"), PAYLOAD, "JP", PAYLOAD, PAYLOAD));
        var admin = fixtures.user(Role.ADMIN);
        Cookie session = mvc.perform(
                        formLogin("/login").user("email", admin.email()).password("password", Fixtures.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        for (String page :
                new String[] {"/organisation?q=XSS", "/organisation/sites/" + site.id(), "/admin/audit?q=" + site.id()
                }) {
            String html = mvc.perform(get(page).cookie(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
            assertThat(html).as(page).contains("&lt;script&gt;alert(");
        }
    }
}
