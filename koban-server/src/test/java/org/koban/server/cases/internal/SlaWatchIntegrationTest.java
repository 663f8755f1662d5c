package org.koban.server.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.intake.Intake;
import org.koban.server.sla.SlaAlert;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The SLA job raises warnings and breaches once each. Time is moved by back-dating rows, so nothing sleeps.
 */
@KobanIntegrationTest
@RecordApplicationEvents
class SlaWatchIntegrationTest {

    @Autowired
    SlaWatch watch;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void anOverdueTaskAndAnUnansweredReportRaiseTheirAlertsOnce() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var line = fixtures.line();
        var version = fixtures.version(fixtures.product(line), "1.0");
        var opened = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "x", null, false).reference()), "Late fix");
        var v = cases.addVulnerability(
                analyst, opened.id(), new VulnerabilityCommand("v", null, null, null, null, null));
        var task = cases.decideStatus(
                        analyst,
                        opened.id(),
                        new StatusDecision(v.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null))
                .tasks()
                .get(0);
        jdbc.sql(
                        "update remediation_task set created_at = created_at - interval '100 days', due_on = current_date - 1 where id = :id")
                .param("id", task.id())
                .update();
        UUID late =
                reportId(jdbc, submit(intake, "nobody answered", null, false).reference());
        jdbc.sql("update report set received_at = received_at - interval '6 days' where id = :id")
                .param("id", late)
                .update();

        assertThat(watch.check()).isPositive();
        assertThat(events.stream(SlaAlert.class).filter(a -> a.reference().equals(opened.reference())))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.level()).isEqualTo(SlaAlert.Level.BREACH);
                    assertThat(a.lineId()).isEqualTo(line.id());
                    assertThat(a.path()).isEqualTo("/cases/" + opened.id());
                });
        String lateReference = jdbc.sql("select reference from report where id = :id")
                .param("id", late)
                .query(String.class)
                .single();
        // Six days without an answer: acknowledgement (2 days) is breached, triage (7 days) is near its end.
        assertThat(events.stream(SlaAlert.class).filter(a -> a.reference().equals(lateReference)))
                .extracting(SlaAlert::target, SlaAlert::level)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Acknowledge the report", SlaAlert.Level.BREACH),
                        org.assertj.core.groups.Tuple.tuple("Triage the report", SlaAlert.Level.WARNING));

        long before = events.stream(SlaAlert.class).count();
        watch.check();
        assertThat(events.stream(SlaAlert.class)
                        .skip(before)
                        .filter(a -> a.reference().equals(opened.reference())
                                || a.reference().equals(lateReference)))
                .isEmpty();
    }
}
