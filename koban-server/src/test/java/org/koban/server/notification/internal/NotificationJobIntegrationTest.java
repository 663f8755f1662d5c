package org.koban.server.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the shared context, which has no SMTP configured: the db-scheduler job is registered and runs, and mail
 * waits in the outbox untouched.
 */
@KobanIntegrationTest
class NotificationJobIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailDelivery delivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.mail.host:}")
    String mailHost;

    @Test
    void theDeliveryJobIsScheduledInTheDatabaseAndRuns() throws InterruptedException {
        // The scheduler starts when the context is ready and runs a new recurring task at once; its polling
        // interval is 10 s, so half a minute is plenty.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Boolean ran = null;
        while (Instant.now().isBefore(deadline)) {
            ran = jdbc.sql("select last_success is not null from scheduled_tasks where task_name = :name")
                    .param("name", MailDeliveryJob.TASK_NAME)
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
            if (Boolean.TRUE.equals(ran)) break;
            Thread.sleep(250);
        }
        assertThat(ran).as("the recurring task ran successfully at least once").isTrue();
    }

    @Test
    void withoutSmtpMailStaysPending() {
        assertThat(mailHost).isBlank();
        String reporter = Fixtures.unique("waiting") + "@example.org";
        transactions.executeWithoutResult(status -> events.publishEvent(
                new ReporterNotified(UUID.randomUUID(), "KOBAN-R-2026-7100", reporter, null, "Hello", "Text")));
        assertThat(delivery.deliverDue(Instant.now().plus(Duration.ofDays(1)))).isZero();
        assertThat(jdbc.sql("select state || ' ' || attempts || ' ' || (body is not null) from mail_outbox"
                                + " where recipient = :r")
                        .param("r", reporter)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING 0 true");
    }
}
