package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Role;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foundation's main journey in a real browser: an admin builds the organisation (site, production
 * line), adds a production-line engineer, and that engineer sees only their own line.
 */
class FoundationJourneyBrowserTest extends BrowserTestBase {

    @Autowired
    Fixtures fixtures;

    @Test
    void adminBuildsTheOrganisationAndALineEngineerSeesOnlyTheirLine() {
        var otherLine = fixtures.line();
        var admin = fixtures.user(Role.ADMIN);
        String siteCode = Fixtures.unique("TW-HSC");
        String lineCode = Fixtures.unique("SMT1");
        String engineerEmail = Fixtures.unique("engineer") + "@example.com";

        Page page = newSession();
        signIn(page, admin.email(), Fixtures.PASSWORD);
        Browsers.screenshot(page, "foundation-01-dashboard-admin");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Organisation").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New site"))
                .click();
        // A failed submission shows every problem and keeps what was typed.
        page.getByLabel("Name").fill("Hsinchu Factory");
        page.locator("[name=code]").fill(siteCode);
        page.getByLabel("Country").fill("XX");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("country");
        assertThat(page.getByLabel("Name")).hasValue("Hsinchu Factory");
        assertThat(page.locator("[name=code]")).hasValue(siteCode);
        Browsers.screenshot(page, "foundation-02-site-form-problems");
        page.getByLabel("Country").fill("TW");
        page.getByLabel("City").fill("Hsinchu");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hsinchu Factory")))
                .isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New production line"))
                .click();
        page.getByLabel("Name").fill("SMT line 1 — gateways");
        page.locator("[name=code]").fill(lineCode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("SMT line 1 — gateways")))
                .isVisible();
        Browsers.screenshot(page, "foundation-03-line-created");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New user"))
                .click();
        page.getByLabel("Name").fill("Line Engineer");
        page.getByLabel("Email").fill(engineerEmail);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByLabel("Production-line engineer").check();
        page.getByLabel("Hsinchu Factory / SMT line 1 — gateways").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("main")).containsText(engineerEmail);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();

        Page engineer = newSession();
        signIn(engineer, engineerEmail, Fixtures.PASSWORD);
        assertThat(engineer.locator("main")).containsText("SMT line 1 — gateways");
        assertThat(engineer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")))
                .hasCount(0);
        engineer.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Organisation").setExact(true))
                .click();
        assertThat(engineer.locator("main")).containsText(lineCode);
        assertThat(engineer.locator("main")).not().containsText(otherLine.code());
        Browsers.screenshot(engineer, "foundation-04-engineer-sees-own-line");
        engineer.navigate("/organisation/lines/" + otherLine.id());
        assertThat(engineer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();

        assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
        assertThat(failedRequests).containsExactly("404 " + url("/organisation/lines/" + otherLine.id()));
    }
}
