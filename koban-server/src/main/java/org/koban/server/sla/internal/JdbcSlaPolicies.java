package org.koban.server.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.shared.Validation;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSlaPolicies implements SlaPolicies {

    private static final java.util.UUID POLICY_ID = new java.util.UUID(0, 1);

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Clock clock;

    JdbcSlaPolicies(JdbcClient jdbc, Permissions permissions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SlaPolicy current() {
        return jdbc.sql("""
                        select acknowledge_days, triage_days, fix_critical_days, fix_high_days, fix_medium_days,
                               fix_low_days, warning_percent
                        from sla_policy
                        """)
                .query((rs, n) -> new SlaPolicy(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .optional()
                .orElse(SlaPolicy.defaults());
    }

    @Override
    @Transactional
    public SlaPolicy update(Actor actor, SlaPolicy policy) {
        permissions.check(actor, Action.SLA_POLICY_EDIT);
        Validation v = new Validation();
        days(v, "acknowledgeDays", policy.acknowledgeDays());
        days(v, "triageDays", policy.triageDays());
        days(v, "fixCriticalDays", policy.fixCriticalDays());
        days(v, "fixHighDays", policy.fixHighDays());
        days(v, "fixMediumDays", policy.fixMediumDays());
        days(v, "fixLowDays", policy.fixLowDays());
        if (policy.triageDays() < policy.acknowledgeDays()) {
            v.reject("triageDays", "must not be shorter than the acknowledgement target");
        }
        if (policy.warningPercent() < 1 || policy.warningPercent() > 99) {
            v.reject("warningPercent", "must be between 1 and 99");
        }
        v.throwIfInvalid();
        SlaPolicy before = current();
        jdbc.sql("""
                        insert into sla_policy (id, acknowledge_days, triage_days, fix_critical_days, fix_high_days,
                            fix_medium_days, fix_low_days, warning_percent, updated_at, updated_by)
                        values (:id, :ack, :triage, :critical, :high, :medium, :low, :warning, :now, :by)
                        on conflict (id) do update set acknowledge_days = excluded.acknowledge_days,
                            triage_days = excluded.triage_days, fix_critical_days = excluded.fix_critical_days,
                            fix_high_days = excluded.fix_high_days, fix_medium_days = excluded.fix_medium_days,
                            fix_low_days = excluded.fix_low_days, warning_percent = excluded.warning_percent,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("id", POLICY_ID)
                .param("ack", policy.acknowledgeDays())
                .param("triage", policy.triageDays())
                .param("critical", policy.fixCriticalDays())
                .param("high", policy.fixHighDays())
                .param("medium", policy.fixMediumDays())
                .param("low", policy.fixLowDays())
                .param("warning", policy.warningPercent())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.id())
                .update();
        audit.record(actor, "sla-policy.updated", "sla-policy", POLICY_ID, before, policy);
        return current();
    }

    private static void days(Validation v, String field, int days) {
        if (days < 1 || days > SlaPolicy.MAX_DAYS) {
            v.reject(field, "must be between 1 and " + SlaPolicy.MAX_DAYS + " days");
        }
    }
}
