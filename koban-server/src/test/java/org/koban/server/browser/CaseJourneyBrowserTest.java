package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.intake.Triage;
import org.koban.server.intake.TriageQuery;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report's whole way through Koban in a real browser: an anonymous reporter sends it, a PSIRT analyst
 * triages it into a case, scores it and marks versions of two lines' products affected, each line's engineer
 * sees and fixes only their own task, and the reporter follows the progress on the tracking link.
 */
class CaseJourneyBrowserTest extends BrowserTestBase {

    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Intake intake;

    @Autowired
    Triage triage;

    @Autowired
    Cases cases;

    @Test
    void reportBecomesACaseThatEachLineFixesAndTheReporterFollows() {
        ProductionLineView line1 = fixtures.line();
        ProductionLineView line2 = fixtures.line();
        ProductView product1 = fixtures.product(line1);
        ProductView product2 = fixtures.product(line2);
        ProductVersionView version1 = fixtures.version(product1, "3.0.0");
        ProductVersionView version2 = fixtures.version(product2, "1.4.0");
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        UserView engineerA = fixtures.user(Role.LINE_ENGINEER, line1);
        UserView engineerB = fixtures.user(Role.LINE_ENGINEER, line2);
        UUID line2OnlyCase = caseAffectingOnly(version2, fixtures.actor(Role.PSIRT_ANALYST));
        String description = "Command injection in the diagnostics page " + Fixtures.unique("poc");

        // 1. The reporter sends the report with a proof-of-concept file.
        Page reporter = newSession();
        reporter.navigate("/report");
        reporter.locator("[name=productId]").selectOption(product1.id().toString());
        reporter.locator("[name=version]").fill("3.0.0");
        reporter.locator("[name=description]").fill(description);
        reporter.locator("[name=impact]").fill("Remote code execution as root");
        reporter.locator("[name=reporterName]").fill("Ada Finder");
        reporter.locator("input[type=file]")
                .setInputFiles(
                        new FilePayload("poc.py", "text/x-python", "print('id')\n".getBytes(StandardCharsets.UTF_8)));
        Browsers.screenshot(reporter, "case-journey-01-report-form");
        reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                .click();
        assertThat(reporter.locator("h1")).containsText("your report was received");
        String reportReference = reporter.locator("main strong").first().textContent();
        assertThat(reportReference).matches("KOBAN-R-\\d{4}-\\d{4,}");
        String trackingUrl = reporter.locator(".capability a").getAttribute("href");
        assertThat(trackingUrl).matches("http://localhost:8080/track/[A-Za-z0-9_-]{43,128}");
        Browsers.screenshot(reporter, "case-journey-02-report-submitted");

        // 2. The analyst finds it in the triage queue, reads it and opens a case.
        Page psirt = newSession();
        signIn(psirt, analyst.email(), Fixtures.PASSWORD);
        nav(psirt, "Triage", "/reports");
        // The queue is shared with other tests: the search (answered by htmx) narrows it to this report.
        psirt.getByRole(AriaRole.SEARCHBOX).fill(reportReference);
        Locator row = psirt.locator("#results tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(reportReference);
        assertThat(row).containsText(product1.name());
        assertThat(row).containsText("Received");
        Browsers.screenshot(psirt, "case-journey-03-triage-queue");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reportReference))
                .click();
        assertThat(psirt.locator("h1")).containsText(reportReference);
        assertThat(psirt.locator("#state")).hasText("Received");
        assertThat(psirt.locator("main")).containsText(description);
        assertThat(psirt.locator("main")).containsText("Ada Finder");
        assertThat(psirt.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("poc.py")))
                .isVisible();
        Browsers.screenshot(psirt, "case-journey-04-report-page");
        String title = "Diagnostics command injection " + Fixtures.unique("T");
        psirt.locator("input[name=title]").fill(title);
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("opened");
        String caseReference = psirt.locator("h1 span").first().textContent();
        assertThat(caseReference).matches("KOBAN-C-\\d{4}-\\d{4,}");
        assertThat(psirt.locator("h1")).containsText(title);
        assertThat(psirt.locator("#case-state")).hasText("Analysis");
        assertThat(psirt.locator("main")).containsText("None recorded yet.");
        String caseUrl = psirt.url();

        // 3. A vulnerability, scored with the metric pickers; the server's score shows while choosing.
        psirt.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add vulnerability"))
                .click();
        psirt.locator("input[name=title]").fill("OS command injection in diag.cgi");
        psirt.locator("textarea[name=description]").fill("The c parameter reaches a shell unfiltered.");
        psirt.locator("input[name=cwe]").fill("CWE-78");
        Locator pickers = psirt.locator("fieldset.cvss-calculator");
        for (String metric : List.of("AV:N", "AC:L", "PR:N", "UI:N", "S:U", "C:H", "I:H", "A:H")) {
            String[] pair = metric.split(":");
            pickers.locator("select[data-metric=" + pair[0] + "]").selectOption(pair[1]);
        }
        assertThat(psirt.locator("input[name=cvss3Vector]")).hasValue(VECTOR);
        assertThat(psirt.locator("#cvss3-result .cvss-score")).hasText("9.8");
        assertThat(psirt.locator("#cvss3-result")).containsText("Critical");
        Browsers.screenshot(psirt, "case-journey-05-vulnerability-form");
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).hasText("Vulnerability saved.");
        Locator vulnerability = psirt.locator("article.vulnerability");
        assertThat(vulnerability).containsText("OS command injection in diag.cgi");
        assertThat(vulnerability).containsText("CWE-78 Improper Neutralization of Special Elements used in an OS");
        assertThat(vulnerability).containsText("9.8");
        assertThat(vulnerability).containsText("Critical");
        assertThat(vulnerability).containsText(VECTOR);
        assertThat(psirt.locator("h1 .badge.sev-critical")).hasText("Critical");
        Browsers.screenshot(psirt, "case-journey-06-case-scored");

        // 4. One version of each line's product known affected: the reported product's versions are offered
        // first; the other product's come through htmx when it is picked.
        Locator decision = psirt.locator("form.status-decision");
        assertThat(decision.locator("select[name=product]"))
                .hasValue(product1.id().toString());
        decision.locator("input[name=versionIds][value=\"" + version1.id() + "\"]")
                .check();
        decision.locator("select[name=status]").selectOption(VersionStatus.KNOWN_AFFECTED.name());
        decision.locator("textarea[name=statement]").fill("The diagnostics page ships enabled.");
        decision.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply to the selected versions"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).hasText("Statuses recorded.");
        decision = psirt.locator("form.status-decision");
        Locator productPicker = decision.locator("select[name=product]");
        psirt.waitForResponse(
                response -> response.url().contains("/version-picker"),
                () -> productPicker.selectOption(product2.id().toString()));
        Locator version2Box = decision.locator("input[name=versionIds][value=\"" + version2.id() + "\"]");
        assertThat(version2Box).isVisible();
        assertThat(decision.locator("input[name=versionIds][value=\"" + version1.id() + "\"]"))
                .hasCount(0);
        version2Box.check();
        decision.locator("select[name=status]").selectOption(VersionStatus.KNOWN_AFFECTED.name());
        decision.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply to the selected versions"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).hasText("Statuses recorded.");
        Locator statuses = psirt.locator("table.statuses tbody tr");
        assertThat(statuses).hasCount(2);
        assertThat(statuses.filter(new Locator.FilterOptions().setHasText(product1.name())))
                .containsText("Known affected");
        assertThat(statuses.filter(new Locator.FilterOptions().setHasText(product2.name())))
                .containsText("Known affected");
        assertThat(taskOf(psirt, line1)).hasCount(1);
        assertThat(taskOf(psirt, line2)).hasCount(1);
        assertThat(psirt.locator("article.task")).hasCount(2);
        assertThat(taskOf(psirt, line1).locator(".task-state")).hasText("Open");
        assertThat(taskOf(psirt, line2).locator(".task-state")).hasText("Open");
        Browsers.screenshot(psirt, "case-journey-07-two-lines-assigned");

        // 5a. Engineer A sees the case with line 1's task only, takes it and releases a fix.
        Page engineer1 = newSession();
        signIn(engineer1, engineerA.email(), Fixtures.PASSWORD);
        openCaseFromList(engineer1, caseReference);
        assertThat(engineer1.locator("article.task")).hasCount(1);
        assertThat(taskOf(engineer1, line1)).hasCount(1);
        assertThat(engineer1.locator("main")).not().containsText(product2.name());
        assertThat(engineer1.locator("main")).not().containsText(line2.label());
        assertThat(engineer1.locator("table.statuses tbody tr")).hasCount(1);
        // Who reported it is for the PSIRT; line engineers see what was reported.
        assertThat(engineer1.locator("main")).containsText(description);
        assertThat(engineer1.locator("main")).not().containsText("Ada Finder");
        assertThat(engineer1.locator("form.status-decision")).hasCount(0);
        Browsers.screenshot(engineer1, "case-journey-08-engineer-a-sees-own-task");
        fixTask(engineer1, line1, "3.0.1");
        Browsers.screenshot(engineer1, "case-journey-09-engineer-a-released");
        // The API draws the same line: engineer A's token reads one task and a timeline without line 2.
        var bearer = com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Authorization", "Bearer " + fixtures.token(engineerA));
        String caseApi = url("/api/v1/cases/" + caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        var caseJson = engineer1.request().get(caseApi, bearer);
        assertThat(caseJson.status()).isEqualTo(200);
        assertThat(caseJson.text()).contains(line1.label()).doesNotContain(line2.label());
        var timelineJson = engineer1.request().get(caseApi + "/timeline", bearer);
        assertThat(timelineJson.status()).isEqualTo(200);
        assertThat(timelineJson.text())
                .contains(line1.label())
                .doesNotContain(line2.label())
                .doesNotContain(product2.name());

        // A case that only line 2 works on does not exist for engineer A.
        var hidden = engineer1.navigate("/cases/" + line2OnlyCase);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(engineer1.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        Browsers.screenshot(engineer1, "case-journey-10-engineer-a-other-line-case-not-found");

        // 5b. Engineer B likewise, for line 2, and does not see line 1's task.
        Page engineer2 = newSession();
        signIn(engineer2, engineerB.email(), Fixtures.PASSWORD);
        openCaseFromList(engineer2, caseReference);
        assertThat(engineer2.locator("article.task")).hasCount(1);
        assertThat(taskOf(engineer2, line2)).hasCount(1);
        // The report (and the case summary drawn from it) names the reported product; line 1's status does not show.
        assertThat(engineer2.locator("table.statuses tbody tr")).hasCount(1);
        assertThat(engineer2.locator("table.statuses")).not().containsText(product1.name());
        assertThat(engineer2.locator("main")).not().containsText(line1.label());
        assertThat(engineer2.locator("main")).not().containsText("3.0.1");
        fixTask(engineer2, line2, "1.4.1");
        Browsers.screenshot(engineer2, "case-journey-11-engineer-b-released");

        // The analyst sees both lines' work done.
        psirt.navigate(caseUrl);
        assertThat(taskOf(psirt, line1).locator(".task-state")).hasText("Released");
        assertThat(taskOf(psirt, line1)).containsText("3.0.1");
        assertThat(taskOf(psirt, line2).locator(".task-state")).hasText("Released");
        assertThat(taskOf(psirt, line2)).containsText("1.4.1");
        String phase = psirt.locator("#case-state").textContent();
        Browsers.screenshot(psirt, "case-journey-12-analyst-sees-both-fixed");

        // 6. The reporter follows the progress through their tracking link: phase and milestones only.
        reporter.navigate(trackingUrl.substring("http://localhost:8080".length()));
        assertThat(reporter.locator("h1")).containsText(reportReference);
        assertThat(reporter.locator("#state")).hasText("Accepted");
        assertThat(reporter.locator("#case")).hasText(caseReference);
        assertThat(reporter.locator("#progress")).hasText(phase);
        assertThat(reporter.locator("#milestones li").first()).containsText("confirmed and under analysis");
        assertThat(reporter.locator("#milestones")).containsText("fix ready");
        assertThat(reporter.locator("#milestones")).containsText("fixes released");
        assertThat(reporter.getByText("poc.py")).isVisible();
        // The case's content stays inside: no line, product of the other line, score or fixed versions.
        assertThat(reporter.locator("main")).not().containsText(line1.label());
        assertThat(reporter.locator("main")).not().containsText("9.8");
        assertThat(reporter.locator("main")).not().containsText("3.0.1");
        Browsers.screenshot(reporter, "case-journey-13-reporter-tracks-progress");

        assertThat(consoleErrors).as("no CSP violations or script errors").isEmpty();
        assertThat(failedRequests).containsExactly("404 " + url("/cases/" + line2OnlyCase));
    }

    /** A second case, made through the services, whose only affected version belongs to line 2. */
    private UUID caseAffectingOnly(ProductVersionView version, Actor analyst) {
        String reference = intake.submit(
                        new ReportSubmission(
                                version.productId().toString(),
                                version.version(),
                                "Another finding " + Fixtures.unique("D"),
                                null,
                                null,
                                false,
                                false,
                                List.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        List.of())
                .reference();
        UUID reportId = triage.queue(
                        analyst, new TriageQuery(Set.of(), TriageQuery.Sort.OLDEST, PageQuery.of(reference, 0, 5)))
                .items()
                .getFirst()
                .id();
        var opened = cases.openFromReport(analyst, reportId, "Line 2 only");
        var vulnerability = cases.addVulnerability(
                analyst, opened.id(), new VulnerabilityCommand("Buffer overflow", null, null, null, null, null));
        cases.decideStatus(
                analyst,
                opened.id(),
                new StatusDecision(
                        vulnerability.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        return opened.id();
    }

    private static Locator taskOf(Page page, ProductionLineView line) {
        return page.locator("article.task")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName(line.label())
                                        .setExact(true))));
    }

    /** Follows a navigation link and waits for the page to load, so that htmx is ready for the search box. */
    private void nav(Page page, String item, String path) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(item).setExact(true))
                .click();
        page.waitForURL(url(path));
    }

    private void openCaseFromList(Page page, String caseReference) {
        nav(page, "Cases", "/cases");
        page.getByRole(AriaRole.SEARCHBOX).fill(caseReference);
        Locator row = page.locator("#results tbody tr");
        assertThat(row).hasCount(1);
        // Open tasks (column 6) counts the viewer's own line's task only.
        assertThat(row.locator("td").nth(5)).hasText("1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseReference))
                .click();
        assertThat(page.locator("h1")).containsText(caseReference);
    }

    /** Takes the line's task and walks it to released: in progress, fix ready with the version, released. */
    private static void fixTask(Page page, ProductionLineView line, String fixedVersion) {
        Locator task = taskOf(page, line);
        assertThat(task.locator(".task-state")).hasText("Open");
        assertThat(task).containsText("Owner—");
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take it"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The task is yours.");
        task = taskOf(page, line);
        assertThat(task).containsText("Test Production-line engineer");
        assertThat(task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take it")))
                .hasCount(0);
        move(page, line, "IN_PROGRESS", null, "In progress");
        move(page, line, "FIX_READY", fixedVersion, "Fix ready");
        move(page, line, "RELEASED", null, "Released");
        task = taskOf(page, line);
        assertThat(task).containsText(fixedVersion);
        // A released task is done: no more actions on it.
        assertThat(task.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(page.locator("ol.timeline"))
                .containsText(line.label() + ": In progress → Fix ready (fixed in " + fixedVersion + ").");
        assertThat(page.locator("ol.timeline"))
                .containsText(line.label() + ": Fix ready → Released (fixed in " + fixedVersion + ").");
    }

    private static void move(Page page, ProductionLineView line, String target, @Nullable String fixed, String label) {
        Locator task = taskOf(page, line);
        task.locator("select[name=target]").selectOption(target);
        if (fixed != null) task.locator("input[name=fixedVersions]").fill(fixed);
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Update task"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Task updated.");
        assertThat(taskOf(page, line).locator(".task-state")).hasText(label);
    }
}
