package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.CaseState;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TaskState;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An advisory's way out in a real browser: from a case whose fix is released, the analyst drafts the advisory
 * and sends it to review; the manager approves and publishes it; it appears on the public page, in the Atom
 * feed and in the CSAF provider directory.
 */
class AdvisoryJourneyBrowserTest extends BrowserTestBase {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAnalystDraftsTheManagerApprovesAndThePublicReadsIt() {
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        UserView managerUser = fixtures.user(Role.PSIRT_MANAGER);
        Actor analyst = Fixtures.actorOf(analystUser);
        var line = fixtures.line();
        var product = fixtures.product(line);
        var old = fixtures.version(product, "1.0.0");
        var fixedVersion = fixtures.version(product, "1.0.1");
        String title = "Buffer overflow in the configuration parser " + Fixtures.unique("A");
        var c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, title, null, false).reference()), title);
        String cve = "CVE-2026-" + (700_000 + (int) (System.nanoTime() % 99_999));
        var v = cases.addVulnerability(
                analyst,
                c.id(),
                new VulnerabilityCommand(
                        "Overflow in the configuration parser",
                        "A long parameter overflows a stack buffer.",
                        "CWE-787",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        null,
                        cve));
        var decided = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(old.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(fixedVersion.id()), VersionStatus.FIXED, null, null));
        // The case is closed out: its only task released, the case in disclosure.
        var task = decided.tasks().getFirst();
        cases.move(analyst, c.id(), CaseState.REMEDIATION, null);
        cases.moveTask(analyst, c.id(), task.id(), TaskState.IN_PROGRESS, null, null);
        cases.moveTask(analyst, c.id(), task.id(), TaskState.FIX_READY, "1.0.1", null);
        cases.moveTask(analyst, c.id(), task.id(), TaskState.RELEASED, "1.0.1", null);
        cases.move(analyst, c.id(), CaseState.DISCLOSURE, null);

        // 1. The analyst drafts the advisory from the case.
        Page psirt = newSession();
        signIn(psirt, analystUser.email(), Fixtures.PASSWORD);
        psirt.navigate("/cases/" + c.id());
        psirt.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Advisory for this case"))
                .click();
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft the advisory"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("drafted from the case");
        String trackingId = psirt.locator("h1 span").first().textContent();
        assertThat(trackingId).matches("KOBAN-SA-\\d{4}-\\d{4}");
        assertThat(psirt.locator("#csaf-valid")).isVisible();
        psirt.locator("textarea[name=fix]").fill("Update to firmware 1.0.1 or later.");
        psirt.locator("input[name=fixUrl]").fill("https://example.com/firmware/1.0.1");
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("Advisory saved");
        assertThat(psirt.locator(".advisory-preview")).containsText("Update to firmware 1.0.1 or later.");
        assertThat(psirt.locator(".advisory-preview")).containsText(cve);
        Browsers.screenshot(psirt, "advisory-journey-01-draft-and-preview");
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to review"))
                .click();
        assertThat(psirt.locator("#advisory-state")).hasText("In review");
        String advisoryPath = psirt.url().replace(url(""), "");

        // 2. The manager approves it and publishes it.
        Page manager = newSession();
        signIn(manager, managerUser.email(), Fixtures.PASSWORD);
        manager.navigate(advisoryPath);
        Browsers.screenshot(manager, "advisory-journey-02-review");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(manager.locator("#advisory-state")).hasText("Approved");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish now"))
                .click();
        assertThat(manager.locator("#advisory-state")).hasText("Published");
        Browsers.screenshot(manager, "advisory-journey-03-published");

        // 3. The public finds it on the public page and in the feeds.
        Page reader = newSession();
        reader.navigate("/security/advisories");
        assertThat(reader.locator("table.public-advisories")).containsText(trackingId);
        Browsers.screenshot(reader, "advisory-journey-04-public-index");
        reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(trackingId))
                .click();
        assertThat(reader.locator("main")).containsText("Overflow in the configuration parser");
        assertThat(reader.locator("main")).containsText(cve);
        assertThat(reader.locator("main")).containsText("Update to firmware 1.0.1 or later.");
        Browsers.screenshot(reader, "advisory-journey-05-public-page");
        String atom =
                reader.request().get(url("/security/advisories/feed.atom")).text();
        assertThat(atom).contains(trackingId);
        String rolie = reader.request()
                .get(url("/.well-known/csaf/white/csaf-feed-tlp-white.json"))
                .text();
        assertThat(rolie).contains(trackingId);
        reader.navigate("/.well-known/csaf/white/");
        Browsers.screenshot(reader, "advisory-journey-06-provider-directory");

        assertThat(consoleErrors).isEmpty();
        assertThat(failedRequests).isEmpty();
    }
}
