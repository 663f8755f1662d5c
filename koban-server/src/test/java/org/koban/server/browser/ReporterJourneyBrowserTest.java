package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An anonymous reporter in a real browser: finds the report page, makes a mistake and keeps what they typed,
 * sends a report with a proof-of-concept file, follows the tracking link and withdraws the report.
 */
class ReporterJourneyBrowserTest extends BrowserTestBase {

    @Autowired
    Fixtures fixtures;

    @Test
    void anonymousReporterSubmitsWithAFileTracksAndWithdraws() {
        var product = fixtures.product(fixtures.line());
        Page page = newSession();
        page.navigate("/report");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report a vulnerability")))
                .isVisible();
        // The honeypot is out of sight for people.
        assertThat(page.locator("[name=website]")).not().isInViewport();

        page.locator("[name=productId]").selectOption(product.id().toString());
        page.locator("[name=version]").fill("4.2.1");
        page.locator("[name=description]").fill("Unauthenticated command injection in the diagnostics page");
        page.locator("[name=impact]").fill("Remote code execution as root");
        // Past the browser's own email check, so that the server's check and its error page are exercised.
        page.locator("[name=reporterEmail]").evaluate("e => e.type = 'text'");
        page.locator("[name=reporterEmail]").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("reporterEmail");
        assertThat(page.locator("[name=impact]")).hasValue("Remote code execution as root");
        assertThat(page.locator("[name=version]")).hasValue("4.2.1");
        assertThat(page.locator("[name=productId]")).hasValue(product.id().toString());
        Browsers.screenshot(page, "intake-01-form-problems");

        page.locator("[name=reporterEmail]").fill("finder@example.org");
        page.locator("input[type=file]")
                .setInputFiles(new FilePayload(
                        "poc.sh",
                        "text/x-shellscript",
                        "curl http://target/diag?c=id\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                .click();
        assertThat(page.locator("h1")).containsText("your report was received");
        String reference = page.locator("main strong").first().textContent();
        assertThat(reference).matches("KOBAN-R-\\d{4}-\\d{4,}");
        Browsers.screenshot(page, "intake-02-submitted");

        // The link is absolute from koban.public-url (localhost:8080); this server runs on a random port.
        String trackingUrl = page.locator(".capability a").getAttribute("href");
        assertThat(trackingUrl).startsWith("http://localhost:8080/track/");
        page.navigate(trackingUrl.substring("http://localhost:8080".length()));
        assertThat(page.locator("h1")).containsText(reference);
        assertThat(page.locator("#state")).hasText("Received");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw this report"))
                .click();
        assertThat(page.locator("#state")).hasText("Withdrawn");
        Browsers.screenshot(page, "intake-03-withdrawn");

        assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
        assertThat(failedRequests).containsExactly("400 " + url("/report"));
    }
}
