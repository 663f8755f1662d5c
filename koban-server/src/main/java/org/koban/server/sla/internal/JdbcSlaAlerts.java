package org.koban.server.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.koban.server.sla.SlaAlert;
import org.koban.server.sla.SlaAlerts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSlaAlerts implements SlaAlerts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcSlaAlerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean raiseOnce(UUID subjectId, String target, SlaAlert alert) {
        // The primary key makes "once" hold across runs and nodes: a second insert does nothing.
        int inserted = jdbc.sql("""
                        insert into sla_alert_sent (subject_id, target, level, sent_at) values (:id, :target, :level, :now)
                        on conflict do nothing
                        """)
                .param("id", subjectId)
                .param("target", target)
                .param("level", alert.level().name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) return false;
        events.publishEvent(alert);
        return true;
    }
}
