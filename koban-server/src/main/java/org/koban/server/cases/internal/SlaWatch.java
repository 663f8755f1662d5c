package org.koban.server.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.koban.server.intake.Triage;
import org.koban.server.sla.SlaAlert;
import org.koban.server.sla.SlaAlerts;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled SLA check: remediation tasks near or past their due date, and reports near or past their
 * acknowledgement and triage targets. Safe on several nodes: one transaction-level advisory lock lets one node
 * run at a time, and each alert is raised once ({@link SlaAlerts}).
 */
@Component
class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    private static final long LOCK = 0x4B4F42414E534C41L; // "KOBANSLA"

    private final JdbcClient jdbc;
    private final SlaPolicies policies;
    private final SlaAlerts alerts;
    private final Triage triage;
    private final Clock clock;

    SlaWatch(JdbcClient jdbc, SlaPolicies policies, SlaAlerts alerts, Triage triage, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.alerts = alerts;
        this.triage = triage;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${koban.sla.check-interval:PT5M}",
            initialDelayString = "${koban.sla.initial-delay:PT1M}")
    void scheduled() {
        int raised = check();
        if (raised > 0) log.info("SLA check raised {} alert(s)", raised);
    }

    /** One run; returns how many new alerts it raised. */
    @Transactional
    public int check() {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) return 0;
        SlaPolicy policy = policies.current();
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        int[] raised = {0};
        jdbc.sql("""
                        select t.id, t.case_id, c.reference, t.line_id, t.line_name, t.owner_id, t.due_on,
                               t.created_at
                        from remediation_task t join psirt_case c on c.id = t.case_id
                        where t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY')
                          and t.created_at + (t.due_on - t.created_at::date) * interval '1 day' * :share <= :now
                        """)
                .param("share", policy.warningPercent() / 100.0)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    SlaAlert.Level level = today.isAfter(due) ? SlaAlert.Level.BREACH : SlaAlert.Level.WARNING;
                    SlaAlert alert = new SlaAlert(
                            level,
                            rs.getString("reference"),
                            "Fix on " + rs.getString("line_name"),
                            due.atStartOfDay(ZoneOffset.UTC).plusDays(1).toInstant(),
                            rs.getObject("owner_id", UUID.class),
                            rs.getObject("line_id", UUID.class),
                            "/cases/" + rs.getObject("case_id", UUID.class));
                    if (alerts.raiseOnce(rs.getObject("id", UUID.class), "fix", alert)) raised[0]++;
                    return null;
                })
                .list();
        raised[0] += triage.raiseSlaAlerts(now);
        return raised[0];
    }
}
