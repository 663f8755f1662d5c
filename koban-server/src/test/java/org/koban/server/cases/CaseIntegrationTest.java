package org.koban.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.capability;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportState;
import org.koban.server.intake.Triage;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A case from report to released fixes through the real services on PostgreSQL: opening, scoring, bulk status
 * decisions that assign production lines, guarded transitions, and what each role may see and do.
 */
@KobanIntegrationTest
@RecordApplicationEvents
class CaseIntegrationTest {

    private static final String CRITICAL_V3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Triage triage;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Actor analyst;
    ProductionLineView line1;
    ProductionLineView line2;
    ProductionLineView line3;
    ProductVersionView v1;
    ProductVersionView v2;
    ProductVersionView v2b;

    @BeforeEach
    void setUp() {
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
        line1 = fixtures.line();
        line2 = fixtures.line();
        line3 = fixtures.line();
        v1 = fixtures.version(fixtures.product(line1), "1.0");
        var product2 = fixtures.product(line2);
        v2 = fixtures.version(product2, "2.0");
        v2b = fixtures.version(product2, "2.1");
        fixtures.version(fixtures.product(line3), "3.0");
    }

    private CaseDetail openCase() {
        var submitted = submit(intake, "Overflow in the parser", "finder@example.org", true);
        return cases.openFromReport(analyst, reportId(jdbc, submitted.reference()), "Parser overflow");
    }

    private VulnerabilityView scoredVulnerability(CaseDetail c) {
        return cases.addVulnerability(
                analyst,
                c.id(),
                new VulnerabilityCommand("Heap overflow", "details", "CWE-787", CRITICAL_V3, null, null));
    }

    @Test
    void openingACaseAcceptsTheReportAndStartsInAnalysisWithTheVendorAwareSinceReceipt() {
        var submitted = submit(intake, "Overflow in the parser", null, false);
        UUID reportId = reportId(jdbc, submitted.reference());
        CaseDetail c = cases.openFromReport(analyst, reportId, "Parser overflow");

        assertThat(c.reference()).matches("KOBAN-C-\\d{4}-\\d{4,}");
        assertThat(c.state()).isEqualTo(CaseState.ANALYSIS);
        var report = triage.report(analyst, reportId);
        assertThat(report.state()).isEqualTo(ReportState.ACCEPTED);
        assertThat(report.caseLink().caseId()).isEqualTo(c.id());
        assertThat(c.facts().get(CaseFact.VENDOR_AWARE)).isEqualTo(report.receivedAt());
        assertThat(c.timeline().items()).extracting(TimelineEntry::kind).contains("case.opened");
        // A decided report cannot be opened twice.
        assertThatThrownBy(() -> cases.openFromReport(analyst, reportId, "again"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aVulnerabilityIsCheckedWholeAndScored() {
        CaseDetail c = openCase();
        assertThatThrownBy(() -> cases.addVulnerability(
                        analyst,
                        c.id(),
                        new VulnerabilityCommand("", null, "CWE-1000", "CVSS:3.1/AV:N/AC:L", "CVSS:4.0/AV:X", "CVE-1")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("title", "cwe", "cvss3Vector", "cvss4Vector", "cve"));
        assertThat(cases.get(analyst, c.id(), PageQuery.all()).vulnerabilities())
                .isEmpty();

        VulnerabilityView v = cases.addVulnerability(
                analyst,
                c.id(),
                new VulnerabilityCommand(
                        "Heap overflow",
                        "d",
                        "cwe-787",
                        CRITICAL_V3,
                        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                        "cve-2026-40001"));
        assertThat(v.cweId()).isEqualTo("CWE-787");
        assertThat(v.cweName()).isEqualTo("Out-of-bounds Write");
        assertThat(v.cvss3Score()).isEqualByComparingTo("9.8");
        assertThat(v.cvss3Severity()).isEqualTo(Severity.CRITICAL);
        assertThat(v.cvss4Score()).isEqualByComparingTo("9.3");
        assertThat(v.cve()).isEqualTo("CVE-2026-40001");
        assertThat(cases.get(analyst, c.id(), PageQuery.all()).severity()).isEqualTo(Severity.CRITICAL);
        // The same CVE on a second vulnerability is refused.
        assertThatThrownBy(() -> cases.addVulnerability(
                        analyst, c.id(), new VulnerabilityCommand("Other", null, null, null, null, "CVE-2026-40001")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void markingVersionsAffectedAssignsOneTaskPerLineDueBySeverity() {
        CaseDetail c = openCase();
        VulnerabilityView v = scoredVulnerability(c);
        CaseDetail after = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(
                        v.id(), List.of(v1.id(), v2.id(), v2b.id()), VersionStatus.KNOWN_AFFECTED, null, null));

        assertThat(after.tasks()).extracting(TaskView::lineId).containsExactlyInAnyOrder(line1.id(), line2.id());
        var due = c.facts()
                .get(CaseFact.VENDOR_AWARE)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(30);
        assertThat(after.tasks()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.OPEN);
            assertThat(t.due()).isEqualTo(due);
        });
        assertThat(events.stream(RemediationTaskAssigned.class)
                        .filter(e -> e.caseId().equals(c.id())))
                .extracting(RemediationTaskAssigned::lineId)
                .containsExactlyInAnyOrder(line1.id(), line2.id());
        assertThat(after.vulnerabilities().get(0).statuses())
                .extracting(VersionStatusView::status)
                .containsOnly(VersionStatus.KNOWN_AFFECTED)
                .hasSize(3);

        // One decision, many versions: "not affected" needs its justification.
        assertThatThrownBy(() -> cases.decideStatus(
                        analyst,
                        c.id(),
                        new StatusDecision(v.id(), List.of(v2b.id()), VersionStatus.KNOWN_NOT_AFFECTED, null, null)))
                .isInstanceOf(InvalidInputException.class);
        CaseDetail decided = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(
                        v.id(),
                        List.of(v2b.id()),
                        VersionStatus.KNOWN_NOT_AFFECTED,
                        NotAffectedJustification.VULNERABLE_CODE_NOT_PRESENT,
                        "2.1 uses the new parser"));
        VersionStatusView status = decided.vulnerabilities().get(0).statuses().stream()
                .filter(s -> s.versionId().equals(v2b.id()))
                .findFirst()
                .orElseThrow();
        assertThat(status.status()).isEqualTo(VersionStatus.KNOWN_NOT_AFFECTED);
        assertThat(status.justification()).isEqualTo(NotAffectedJustification.VULNERABLE_CODE_NOT_PRESENT);
        // Marking affected again does not give the line a second task.
        assertThat(cases.decideStatus(
                                analyst,
                                c.id(),
                                new StatusDecision(v.id(), List.of(v2.id()), VersionStatus.KNOWN_AFFECTED, null, null))
                        .tasks())
                .hasSize(2);
    }

    @Test
    void transitionsAreGuardedByTheWorkAndFixesSetTheFacts() {
        CaseDetail c = openCase();
        assertThatThrownBy(() -> cases.move(analyst, c.id(), CaseState.REMEDIATION, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("known affected");
        assertThatThrownBy(() -> cases.move(analyst, c.id(), CaseState.CLOSED, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cases.move(analyst, c.id(), CaseState.DEFERRED, " "))
                .isInstanceOf(InvalidInputException.class);

        VulnerabilityView v = scoredVulnerability(c);
        CaseDetail assigned = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(v1.id(), v2.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        cases.move(analyst, c.id(), CaseState.REMEDIATION, null);
        assertThatThrownBy(() -> cases.move(analyst, c.id(), CaseState.DISCLOSURE, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("released or won't fix");

        Actor engineer1 = fixtures.actor(Role.LINE_ENGINEER, line1);
        Actor engineer2 = fixtures.actor(Role.LINE_ENGINEER, line2);
        TaskView task1 = task(assigned, line1);
        TaskView task2 = task(assigned, line2);
        assertThatThrownBy(() -> cases.moveTask(engineer1, c.id(), task1.id(), TaskState.RELEASED, "1.1", null))
                .isInstanceOf(InvalidInputException.class);
        cases.moveTask(engineer1, c.id(), task1.id(), TaskState.IN_PROGRESS, null, null);
        assertThatThrownBy(() -> cases.moveTask(engineer1, c.id(), task1.id(), TaskState.FIX_READY, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fixed versions");
        cases.moveTask(engineer1, c.id(), task1.id(), TaskState.FIX_READY, "1.1", null);
        TaskView released = cases.moveTask(engineer1, c.id(), task1.id(), TaskState.RELEASED, null, null);
        assertThat(released.fixedVersions()).isEqualTo("1.1");
        assertThat(released.ownerId()).isEqualTo(engineer1.id());
        assertThat(cases.get(analyst, c.id(), PageQuery.all()).facts()).doesNotContainKey(CaseFact.FIX_DEPLOYED);

        assertThatThrownBy(() -> cases.moveTask(engineer2, c.id(), task2.id(), TaskState.WONT_FIX, null, ""))
                .isInstanceOf(InvalidInputException.class);
        cases.moveTask(engineer2, c.id(), task2.id(), TaskState.WONT_FIX, null, "end of support");
        CaseDetail done = cases.get(analyst, c.id(), PageQuery.all());
        assertThat(done.facts()).containsKeys(CaseFact.FIX_READY, CaseFact.FIX_DEPLOYED);
        cases.move(analyst, c.id(), CaseState.DISCLOSURE, null);
        cases.move(analyst, c.id(), CaseState.CLOSED, null);
        assertThatThrownBy(() -> cases.move(analyst, c.id(), CaseState.ANALYSIS, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cases.move(analyst, c.id(), CaseState.REOPENED, "regression in 1.2")
                        .state())
                .isEqualTo(CaseState.REOPENED);
    }

    @Test
    void lineEngineersSeeOnlyTheirLinesPartAndActOnlyOnIt() throws IOException {
        CaseDetail c = openCase();
        VulnerabilityView v = scoredVulnerability(c);
        CaseDetail assigned = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(v1.id(), v2.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        TaskView task2 = task(assigned, line2);
        Actor engineer1 = fixtures.actor(Role.LINE_ENGINEER, line1);
        Actor engineer3 = fixtures.actor(Role.LINE_ENGINEER, line3);
        Actor viewer1 = fixtures.actor(Role.VIEWER, line1);

        CaseDetail seen = cases.get(engineer1, c.id(), PageQuery.all());
        assertThat(seen.tasks()).extracting(TaskView::lineId).containsExactly(line1.id());
        assertThat(seen.vulnerabilities().get(0).statuses())
                .extracting(VersionStatusView::versionId)
                .containsExactly(v1.id());
        assertThat(seen.reports()).allSatisfy(r -> {
            assertThat(r.reporterEmail()).isNull();
            assertThat(r.reporterName()).isNull();
        });
        assertThat(cases.list(engineer1, CaseFilter.open(), PageQuery.all()).items())
                .extracting(CaseSummary::id)
                .contains(c.id());

        // Another line's engineer: the case does not exist for them, in lists, pages and files.
        assertThatThrownBy(() -> cases.get(engineer3, c.id(), PageQuery.all())).isInstanceOf(NotFoundException.class);
        assertThat(cases.list(engineer3, CaseFilter.open(), PageQuery.all()).items())
                .extracting(CaseSummary::id)
                .doesNotContain(c.id());
        UUID attachment = seen.reports().get(0).attachments().get(0).id();
        assertThatThrownBy(() -> cases.openAttachment(engineer3, c.id(), attachment))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.addNote(engineer3, c.id(), "hello")).isInstanceOf(NotFoundException.class);

        // Engineer 1 may not touch line 2's task, which they cannot even see.
        assertThatThrownBy(() -> cases.moveTask(engineer1, c.id(), task2.id(), TaskState.IN_PROGRESS, null, null))
                .isInstanceOf(NotFoundException.class);
        // Nor change the case itself.
        assertThatThrownBy(() -> cases.move(engineer1, c.id(), CaseState.REJECTED, "no"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.addVulnerability(
                        engineer1, c.id(), new VulnerabilityCommand("x", null, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);

        // Engineer 1 downloads the proof of concept of their case; a viewer of the same line may not.
        try (AttachmentContent content = cases.openAttachment(engineer1, c.id(), attachment)) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(CaseTestSupport.POC);
        }
        assertThatThrownBy(() -> cases.openAttachment(viewer1, c.id(), attachment))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cases.get(viewer1, c.id(), PageQuery.all()).tasks()).hasSize(1);
        assertThatThrownBy(() ->
                        cases.moveTask(viewer1, c.id(), task(assigned, line1).id(), TaskState.IN_PROGRESS, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.addNote(viewer1, c.id(), "hello")).isInstanceOf(AccessDeniedException.class);
        assertThat(cases.addNote(engineer1, c.id(), "reproduced on 1.0")
                        .timeline()
                        .items())
                .extracting(TimelineEntry::text)
                .contains("reproduced on 1.0");
    }

    @Test
    void aDuplicateReportJoinsTheCaseKeepsItsCreditAndTheReporterSeesProgress() {
        CaseDetail c = openCase();
        var second = submit(intake, "Same overflow, found independently", "second@example.org", false);
        UUID secondId = reportId(jdbc, second.reference());
        assertThatThrownBy(() -> cases.mergeReport(analyst, secondId, "KOBAN-C-1999-9999"))
                .isInstanceOf(InvalidInputException.class);
        CaseDetail merged = cases.mergeReport(analyst, secondId, c.reference().toLowerCase());

        assertThat(merged.reports()).hasSize(2);
        assertThat(triage.report(analyst, secondId).state()).isEqualTo(ReportState.MERGED);
        assertThat(merged.reports()).extracting(r -> r.creditAs()).containsOnly("R. Searcher");

        VulnerabilityView v = scoredVulnerability(c);
        var assigned = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(v1.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        cases.move(analyst, c.id(), CaseState.REMEDIATION, null);
        Actor engineer1 = fixtures.actor(Role.LINE_ENGINEER, line1);
        UUID taskId = task(assigned, line1).id();
        cases.moveTask(engineer1, c.id(), taskId, TaskState.IN_PROGRESS, null, null);
        cases.moveTask(engineer1, c.id(), taskId, TaskState.FIX_READY, "1.1", null);
        cases.moveTask(engineer1, c.id(), taskId, TaskState.RELEASED, null, null);

        var tracked = intake.track(capability(second)).orElseThrow();
        assertThat(tracked.caseReference()).isEqualTo(c.reference());
        assertThat(tracked.progress().phase()).isEqualTo("Remediation");
        assertThat(tracked.progress().milestones()).anyMatch(m -> m.endsWith("fixes released"));
        // Internal notes never reach the reporter.
        cases.addNote(analyst, c.id(), "internal: suspect supplier library");
        assertThat(intake.track(capability(second)).orElseThrow().messages())
                .extracting(m -> m.body())
                .noneMatch(b -> b.contains("supplier"));
        cases.messageReporters(analyst, c.id(), "Thanks, a fix is out.");
        assertThat(intake.track(capability(second)).orElseThrow().messages())
                .extracting(m -> m.body())
                .contains("Thanks, a fix is out.");
    }

    @Test
    void theDashboardCountsWhatEachPersonMaySee() {
        CaseDetail c = openCase();
        VulnerabilityView v = scoredVulnerability(c);
        CaseDetail assigned = cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(v1.id(), v2.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        Actor engineer1 = fixtures.actor(Role.LINE_ENGINEER, line1);
        Actor engineer3 = fixtures.actor(Role.LINE_ENGINEER, line3);
        jdbc.sql("update remediation_task set due_on = current_date - 3 where id = :id")
                .param("id", task(assigned, line1).id())
                .update();

        CaseDashboard mine = cases.dashboard(engineer1);
        assertThat(mine.myTasks()).extracting(TaskView::caseId).contains(c.id());
        assertThat(mine.overdueTasks())
                .extracting(TaskView::id)
                .contains(task(assigned, line1).id());
        assertThat(mine.byLine()).containsOnlyKeys(line1.label());
        assertThat(mine.byState()).containsKey("Analysis");
        assertThat(mine.bySeverity()).containsKey("Critical");
        assertThat(mine.medianToAcknowledge()).isNull();

        CaseDashboard stranger = cases.dashboard(engineer3);
        assertThat(stranger.myTasks()).extracting(TaskView::caseId).doesNotContain(c.id());
        assertThat(stranger.overdueTasks()).extracting(TaskView::caseId).doesNotContain(c.id());
        assertThat(stranger.byLine()).doesNotContainKeys(line1.label(), line2.label());

        CaseDashboard psirt = cases.dashboard(analyst);
        assertThat(psirt.byLine()).containsKeys(line1.label(), line2.label());
        assertThat(psirt.medianToAcknowledge()).isNotNull();
        assertThat(psirt.medianToTriage()).isNotNull();
    }

    private static TaskView task(CaseDetail c, ProductionLineView line) {
        return c.tasks().stream()
                .filter(t -> t.lineId().equals(line.id()))
                .findFirst()
                .orElseThrow();
    }
}
