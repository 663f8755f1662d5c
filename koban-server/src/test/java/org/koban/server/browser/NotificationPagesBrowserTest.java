package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Role;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and the mail preferences in a real browser, under the strict CSP. */
class NotificationPagesBrowserTest extends BrowserTestBase {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAdminReadsTheOutboxAndAnAnalystTurnsOffNewReportMail() {
        String reporter = Fixtures.unique("browser-reporter") + "@example.org";
        transactions.executeWithoutResult(status -> events.publishEvent(new ReporterNotified(
                UUID.randomUUID(), "KOBAN-R-2026-7200", reporter, null, "Can you share the firmware?", "Secret")));
        var admin = fixtures.user(Role.ADMIN);
        Page page = newSession();
        signIn(page, admin.email(), Fixtures.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Outbox").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outbox")))
                .isVisible();
        page.getByRole(AriaRole.SEARCHBOX).fill(reporter);
        page.getByRole(AriaRole.SEARCHBOX).press("Enter");
        assertThat(page.locator("#outbox-results tbody tr")).hasCount(1);
        assertThat(page.locator("#outbox-results")).containsText(reporter);
        assertThat(page.locator("#outbox-results")).containsText("Can you share the firmware? [KOBAN-R-2026-7200]");
        assertThat(page.locator("#outbox-results")).containsText("pending");
        assertThat(page.locator("#outbox-results")).not().containsText("Secret");
        Browsers.screenshot(page, "notification-01-outbox");

        var analyst = fixtures.user(Role.PSIRT_ANALYST);
        Page own = newSession();
        signIn(own, analyst.email(), Fixtures.PASSWORD);
        own.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Account").setExact(true))
                .click();
        own.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail preferences"))
                .click();
        var newReports = own.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("New reports"));
        assertThat(newReports).isChecked();
        newReports.uncheck();
        own.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(own.getByRole(AriaRole.STATUS)).containsText("saved");
        assertThat(own.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("New reports")))
                .not()
                .isChecked();
        assertThat(own.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("SLA breaches")))
                .isChecked();
        Browsers.screenshot(own, "notification-02-preferences");

        assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
        assertThat(failedRequests).isEmpty();
    }
}
