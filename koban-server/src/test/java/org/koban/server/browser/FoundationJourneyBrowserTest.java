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
        var otherProduct = fixtures.product(otherLine);
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

        // A product with a version on the new line, through the forms.
        String productCode = Fixtures.unique("IGW");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Products").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New product"))
                .click();
        page.locator("[name=code]").fill(productCode);
        page.locator("[name=name]").fill("IGW-1000 industrial gateway");
        page.locator("[name=lineId]")
                .selectOption(new com.microsoft.playwright.options.SelectOption()
                        .setLabel("Hsinchu Factory / SMT line 1 — gateways"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add version"))
                .click();
        page.locator("[name=version]").fill("2.1.0");
        page.locator("[name=lifecycle]").selectOption("ON_MARKET");
        page.locator("[name=releaseDate]").fill("2025-03-01");
        page.locator("[name=cpe]").fill("cpe:2.3:o:koban_demo:igw_1000_firmware:2.1.0:*:*:*:*:*:*");
        page.locator("[name=purl]").fill("pkg:generic/koban-demo/igw-1000-firmware@2.1.0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        // The CPE above lacks a component: the form says which, and keeps every value typed.
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("cpe");
        assertThat(page.locator("[name=purl]")).hasValue("pkg:generic/koban-demo/igw-1000-firmware@2.1.0");
        Browsers.screenshot(page, "foundation-04-version-form-problems");
        page.locator("[name=cpe]").fill("cpe:2.3:o:koban_demo:igw_1000_firmware:2.1.0:*:*:*:*:*:*:*");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("main")).containsText("2.1.0");
        Browsers.screenshot(page, "foundation-05-product-with-version");

        // A catalogue file, imported in one go.
        String csv = "product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n"
                + productCode + ",IGW-1000 industrial gateway," + lineCode + ",,,2.2.0,2025-09-01,ON_MARKET,,,"
                + "pkg:generic/koban-demo/igw-1000-firmware@2.2.0,IGW-1000-EU;IGW-1000-US\n"
                + Fixtures.unique("IGW") + ",IGW-2000 industrial gateway," + lineCode
                + ",,,1.0.0,,IN_DEVELOPMENT,,,,\n";
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Products").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import / export"))
                .click();
        var file = new com.microsoft.playwright.options.FilePayload(
                "catalogue.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // A dry run first (the page's default): counts the changes, saves nothing.
        page.locator("input[type=file]").setInputFiles(file);
        page.locator("[name=format]").selectOption("CSV");
        assertThat(page.locator("[name=dryRun]")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dry run: nothing was changed");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Products: 1 created");
        page.locator("input[type=file]").setInputFiles(file);
        page.locator("[name=format]").selectOption("CSV");
        page.locator("[name=dryRun]").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Imported.");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Products: 1 created");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Versions: 2 created");
        Browsers.screenshot(page, "foundation-06-catalogue-imported");

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
        Browsers.screenshot(engineer, "foundation-07-engineer-sees-own-line");
        engineer.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Products").setExact(true))
                .click();
        assertThat(engineer.locator("main")).containsText(productCode);
        assertThat(engineer.locator("main")).not().containsText(otherProduct.code());
        Browsers.screenshot(engineer, "foundation-08-engineer-sees-own-products");
        engineer.setViewportSize(390, 844);
        Browsers.screenshot(engineer, "foundation-09-engineer-on-a-phone");
        engineer.navigate("/organisation/lines/" + otherLine.id());
        assertThat(engineer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();

        // Errors that no controller answers: an HTML page for people, problem+json on the API.
        var unknownPage = engineer.navigate(url("/no-such-page"));
        org.assertj.core.api.Assertions.assertThat(unknownPage.status()).isEqualTo(404);
        assertThat(engineer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        var withoutToken = engineer.request().delete(url("/api/v1/sites"));
        org.assertj.core.api.Assertions.assertThat(withoutToken.status())
                .as("the browser's session cookie does not open the API")
                .isEqualTo(401);
        var unknownApi = engineer.request()
                .get(
                        url("/api/v1/no-such-thing"),
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setHeader("Authorization", "Bearer " + fixtures.token(admin)));
        org.assertj.core.api.Assertions.assertThat(unknownApi.status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(unknownApi.headers().get("content-type"))
                .startsWith("application/problem+json");

        assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
        assertThat(failedRequests)
                .containsExactly("404 " + url("/organisation/lines/" + otherLine.id()), "404 " + url("/no-such-page"));
    }
}
