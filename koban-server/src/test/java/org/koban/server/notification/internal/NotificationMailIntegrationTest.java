package org.koban.server.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Role;
import org.koban.server.cases.RemediationTaskAssigned;
import org.koban.server.identity.UserView;
import org.koban.server.intake.IntakeTestSupport;
import org.koban.server.intake.ReportReceived;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.intake.ReporterReplied;
import org.koban.server.notification.NotificationPreferences;
import org.koban.server.notification.Notifications;
import org.koban.server.notification.Topic;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.sla.SlaAlert;
import org.koban.server.support.Fixtures;
import org.koban.server.support.MailIntegrationTest;
import org.koban.server.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Mail end to end: events, the outbox, delivery to a real SMTP server (GreenMail), outages and OpenPGP. */
@MailIntegrationTest
class NotificationMailIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailDelivery delivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    Notifications notifications;

    private static final java.util.concurrent.atomic.AtomicInteger REFERENCE =
            new java.util.concurrent.atomic.AtomicInteger(9100);

    @BeforeEach
    void smtpUp() {
        TestMailServer.start();
    }

    @AfterEach
    void smtpUpAgain() {
        // An outage test must not leave the server down for the next one.
        TestMailServer.start();
    }

    record Row(
            String kind,
            String subject,
            @Nullable String body,
            boolean encrypted,
            @Nullable String encryptionProblem,
            String state,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError) {}

    private List<Row> rows(String recipient) {
        return jdbc.sql("""
                        select kind, subject, body, encrypted, encryption_problem, state, attempts, next_attempt_at,
                               last_error
                        from mail_outbox where recipient = :r order by created_at
                        """)
                .param("r", recipient)
                .query((rs, n) -> new Row(
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getBoolean("encrypted"),
                        rs.getString("encryption_problem"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_error")))
                .list();
    }

    private Row row(String recipient) {
        List<Row> rows = rows(recipient);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static String email() {
        return Fixtures.unique("mail") + "@example.org";
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        assertThat(content).as("plain text only").isInstanceOf(String.class);
        assertThat(message.getContentType()).startsWith("text/plain");
        return (String) content;
    }

    /** Submits through the public API, as a reporter's script would; returns the reference and tracking link. */
    private Map<String, String> submit(String reporterEmail, @Nullable String publicKey, String description)
            throws Exception {
        var report = new java.util.LinkedHashMap<String, Object>();
        report.put("description", description);
        report.put("reporterEmail", reporterEmail);
        if (publicKey != null) report.put("reporterPgpKey", publicKey);
        String body = mvc.perform(post("/api/v1/reports")
                        .with(IntakeTestSupport.freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.builder().build().writeValueAsString(report)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        @SuppressWarnings("unchecked")
        Map<String, String> submitted = JsonMapper.builder().build().readValue(body, Map.class);
        return submitted;
    }

    @Test
    void aSubmittedReportAcknowledgesTheReporterAndTellsThePsirtTeam() throws Exception {
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        UserView manager = fixtures.user(Role.PSIRT_MANAGER);
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, fixtures.line());
        UserView admin = fixtures.user(Role.ADMIN);
        String reporter = email();
        var submitted = submit(reporter, null, "Secret heap overflow details");
        String reference = submitted.get("reference");
        String trackingUrl = submitted.get("trackingUrl");
        UUID reportId = jdbc.sql("select id from report where reference = :r")
                .param("r", reference)
                .query(UUID.class)
                .single();

        assertThat(row(reporter).state()).isEqualTo("PENDING");
        delivery.deliverDue(clock.instant().plusSeconds(1));

        List<MimeMessage> toReporter = TestMailServer.receivedBy(reporter);
        assertThat(toReporter).hasSize(1);
        assertThat(toReporter.get(0).getSubject()).contains(reference);
        assertThat(toReporter.get(0).getFrom()[0].toString()).isEqualTo("psirt@example.com");
        assertThat(text(toReporter.get(0))).contains(reference).contains(trackingUrl);

        for (UserView member : List.of(analyst, manager)) {
            List<MimeMessage> mail = TestMailServer.receivedBy(member.email());
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0).getSubject()).isEqualTo("New report " + reference);
            assertThat(text(mail.get(0)))
                    .contains("http://localhost:8080/reports/" + reportId)
                    .doesNotContain("/track/")
                    .doesNotContain("Secret heap overflow");
        }
        assertThat(TestMailServer.receivedBy(engineer.email())).isEmpty();
        assertThat(TestMailServer.receivedBy(admin.email())).isEmpty();

        Row sent = row(reporter);
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.body()).as("the tracking link does not linger").isNull();
        assertThat(row(analyst.email()).body()).isNull();
    }

    @Test
    void aRolledBackChangeEnqueuesNothingAndMailNeedsATransaction() {
        String rolledBack = email();
        String committed = email();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new ReporterNotified(
                    UUID.randomUUID(), "KOBAN-R-2026-9001", rolledBack, null, "Question", "Which firmware?"));
            status.setRollbackOnly();
        });
        publish(new ReporterNotified(
                UUID.randomUUID(), "KOBAN-R-2026-9002", committed, null, "Question", "Which firmware?"));
        assertThat(rows(rolledBack)).isEmpty();
        assertThat(rows(committed)).hasSize(1);

        String outside = email();
        assertThatThrownBy(() -> events.publishEvent(
                        new ReporterNotified(UUID.randomUUID(), "KOBAN-R-2026-9003", outside, null, "Q", "T")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows(outside)).isEmpty();
    }

    @Test
    void anSmtpOutageIsRetriedWithBackoffAndTheMailIsDeliveredExactlyOnceAfterwards() throws Exception {
        String reporter = email();
        publish(new ReporterNotified(
                UUID.randomUUID(), "KOBAN-R-2026-9010", reporter, null, "We need more detail", "Which model?"));
        Instant t0 = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS); // PostgreSQL keeps microseconds

        TestMailServer.stop();
        delivery.deliverDue(t0);
        Row first = row(reporter);
        assertThat(first.state()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isNotBlank();
        assertThat(first.nextAttemptAt()).isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat(first.body()).as("nothing is lost").contains("Which model?");

        // Not yet due: the backoff holds the mail back.
        delivery.deliverDue(t0.plusSeconds(30));
        assertThat(row(reporter).attempts()).isEqualTo(1);

        Instant t1 = t0.plus(Duration.ofMinutes(1));
        delivery.deliverDue(t1);
        Row second = row(reporter);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.state()).isEqualTo("PENDING");
        assertThat(second.nextAttemptAt()).as("the pause doubles").isEqualTo(t1.plus(Duration.ofMinutes(2)));

        TestMailServer.start();
        delivery.deliverDue(t1.plus(Duration.ofMinutes(1)));
        assertThat(TestMailServer.receivedBy(reporter)).as("still backing off").isEmpty();
        delivery.deliverDue(t1.plus(Duration.ofMinutes(2)));
        delivery.deliverDue(t1.plus(Duration.ofHours(5)));

        List<MimeMessage> received = TestMailServer.receivedBy(reporter);
        assertThat(received).hasSize(1);
        assertThat(text(received.get(0))).contains("Which model?");
        Row sent = row(reporter);
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.body()).isNull();
    }

    @Test
    void aMailIsMarkedFailedAfterTheLastAttemptAndTheAdminSeesIt() throws Exception {
        String reporter = email();
        publish(new ReporterNotified(UUID.randomUUID(), "KOBAN-R-2026-9020", reporter, null, "Hello", "Text"));
        Instant t0 = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS); // PostgreSQL keeps microseconds
        TestMailServer.stop();
        delivery.deliverDue(t0);
        delivery.deliverDue(t0.plus(Duration.ofMinutes(1)));
        delivery.deliverDue(t0.plus(Duration.ofMinutes(3)));
        Row failed = row(reporter);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isNotBlank();

        TestMailServer.start();
        delivery.deliverDue(t0.plus(Duration.ofDays(1)));
        assertThat(TestMailServer.receivedBy(reporter)).isEmpty();
        assertThat(row(reporter).attempts()).isEqualTo(3);

        String admin = fixtures.token(fixtures.user(Role.ADMIN));
        String json = mvc.perform(get("/api/v1/outbox").param("q", reporter).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains("\"state\":\"FAILED\"")
                .contains("\"attempts\":3")
                .contains("\"lastError\":")
                .contains("\"total\":1")
                .doesNotContain("\"body\"")
                .doesNotContain("Text");
    }

    @Test
    void mailToAReporterWithAKeyIsEncryptedAsPgpMimeAndOnlyCiphertextIsStored() throws Exception {
        String reporter = email();
        OpenPGPKey key = TestKeys.reporterKey(reporter);
        var submitted = submit(reporter, TestKeys.publicKey(key), "Encrypted please");
        String reference = submitted.get("reference");
        String trackingUrl = submitted.get("trackingUrl");
        String capability = trackingUrl.substring(trackingUrl.lastIndexOf('/') + 1);

        Row stored = row(reporter);
        assertThat(stored.encrypted()).isTrue();
        assertThat(stored.body()).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain(capability);
        assertThat(stored.subject()).doesNotContain(capability);
        assertThat(stored.encryptionProblem()).isNull();

        delivery.deliverDue(clock.instant().plusSeconds(1));
        List<MimeMessage> received = TestMailServer.receivedBy(reporter);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        ContentType type = new ContentType(message.getContentType());
        assertThat(type.getBaseType()).isEqualTo("multipart/encrypted");
        assertThat(type.getParameter("protocol")).isEqualTo("application/pgp-encrypted");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart control = parts.getBodyPart(0);
        assertThat(control.getContentType()).startsWith("application/pgp-encrypted");
        assertThat(readAll(control)).contains("Version: 1");
        BodyPart payload = parts.getBodyPart(1);
        assertThat(payload.getContentType()).startsWith("application/octet-stream");
        String armored = readAll(payload);
        assertThat(armored).doesNotContain(capability);

        byte[] clear = TestKeys.decrypt(key, armored);
        MimeBodyPart inner = new MimeBodyPart(new ByteArrayInputStream(clear));
        assertThat(inner.getContentType()).startsWith("text/plain");
        assertThat((String) inner.getContent())
                .contains("Subject: We received your report " + reference)
                .contains(reference)
                .contains(trackingUrl);
        assertThat(row(reporter).body()).isNull();
    }

    @Test
    void anUnusableKeyGetsAShortNoticeWithoutTheLinkOrTheMessage() throws Exception {
        String signOnly = email();
        String old = email();
        String unreadable = email();
        publish(received(signOnly, TestKeys.publicKey(TestKeys.signOnlyKey())));
        publish(received(old, TestKeys.publicKey(TestKeys.oldKey(old))));
        publish(received(
                unreadable,
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----"));
        publish(new ReporterNotified(
                UUID.randomUUID(),
                "KOBAN-R-2026-9031",
                signOnly,
                TestKeys.publicKey(TestKeys.signOnlyKey()),
                "Decision",
                "Confidential: we will fix it in 2.1"));

        assertThat(row(old).encryptionProblem()).contains("expired");
        assertThat(row(unreadable).encryptionProblem()).contains("could not be read");
        assertThat(rows(signOnly))
                .allSatisfy(r -> assertThat(r.encryptionProblem()).contains("no usable encryption subkey"));

        delivery.deliverDue(clock.instant().plusSeconds(1));
        for (String reporter : List.of(signOnly, old, unreadable)) {
            for (MimeMessage message : TestMailServer.receivedBy(reporter)) {
                assertThat(text(message))
                        .contains("could not encrypt")
                        .doesNotContain("/track/")
                        .doesNotContain("Confidential");
                assertThat(message.getSubject()).doesNotContain("Decision");
            }
        }
        assertThat(TestMailServer.receivedBy(signOnly)).hasSize(2);
        assertThat(TestMailServer.receivedBy(old)).hasSize(1);
        assertThat(TestMailServer.receivedBy(unreadable)).hasSize(1);
    }

    private ReportReceived received(String reporter, String key) {
        return new ReportReceived(
                UUID.randomUUID(),
                "KOBAN-R-2026-" + REFERENCE.incrementAndGet(),
                clock.instant(),
                reporter,
                key,
                "http://localhost:8080/track/" + "c".repeat(43));
    }

    @Test
    void preferencesDecideWhoOfTheTeamGetsWhichMail() throws Exception {
        UserView quiet = fixtures.user(Role.PSIRT_ANALYST);
        UserView keen = fixtures.user(Role.PSIRT_ANALYST);
        mvc.perform(put("/api/v1/me/notification-preferences")
                        .header("Authorization", "Bearer " + fixtures.token(quiet))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"newReports": false, "reporterReplies": true, "taskAssignments": true,
                                 "slaWarnings": true, "slaBreaches": true, "participantReplies": true}"""))
                .andExpect(status().isOk());

        publish(new ReportReceived(
                UUID.randomUUID(), "KOBAN-R-2026-9040", clock.instant(), null, null, "http://x/track/y"));
        publish(new ReporterReplied(UUID.randomUUID(), "KOBAN-R-2026-9040"));

        assertThat(rows(quiet.email())).extracting(Row::kind).containsExactly("REPORTER_REPLY");
        assertThat(rows(keen.email())).extracting(Row::kind).containsExactly("NEW_REPORT", "REPORTER_REPLY");
        assertThat(rows(keen.email()).get(1).body())
                .contains("The reporter of KOBAN-R-2026-9040 wrote")
                .contains("/reports/");
    }

    @Test
    void aRemediationTaskGoesToTheEngineersOfThatLineOnly() {
        ProductionLineView line = fixtures.line();
        ProductionLineView other = fixtures.line();
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, line);
        UserView optedOut = fixtures.user(Role.LINE_ENGINEER, line);
        UserView elsewhere = fixtures.user(Role.LINE_ENGINEER, other);
        UserView viewer = fixtures.user(Role.VIEWER, line);
        optOut(optedOut, Topic.TASK_ASSIGNMENTS);
        UUID caseId = UUID.randomUUID();
        publish(new RemediationTaskAssigned(
                caseId,
                "KOBAN-C-2026-0007",
                "Heap overflow",
                UUID.randomUUID(),
                line.id(),
                line.name(),
                LocalDate.of(2027, 1, 15)));

        assertThat(row(engineer.email()).body())
                .contains("KOBAN-C-2026-0007")
                .contains("2027-01-15")
                .contains("http://localhost:8080/cases/" + caseId);
        assertThat(rows(optedOut.email())).isEmpty();
        assertThat(rows(elsewhere.email())).isEmpty();
        assertThat(rows(viewer.email())).isEmpty();
    }

    @Test
    void slaAlertsGoToTheOwnerElseTheLineElseTheTeam() {
        ProductionLineView line = fixtures.line();
        UserView owner = fixtures.user(Role.PSIRT_ANALYST);
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, line);
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        optOut(owner, Topic.SLA_WARNINGS);
        Instant due = clock.instant().plus(Duration.ofDays(1));

        publish(new SlaAlert(
                SlaAlert.Level.BREACH, "KOBAN-C-2026-0001", "Fix", due, owner.id(), line.id(), "/cases/a"));
        assertThat(rows(owner.email())).extracting(Row::kind).containsExactly("SLA_BREACH");
        assertThat(rows(engineer.email())).isEmpty();

        // The owner turned warnings off: they get none, and nobody else gets theirs either.
        publish(new SlaAlert(
                SlaAlert.Level.WARNING, "KOBAN-C-2026-0001", "Fix", due, owner.id(), line.id(), "/cases/a"));
        assertThat(rows(owner.email())).hasSize(1);
        assertThat(rows(engineer.email())).isEmpty();

        publish(new SlaAlert(SlaAlert.Level.WARNING, "KOBAN-C-2026-0002", "Fix", due, null, line.id(), "/cases/b"));
        assertThat(rows(engineer.email())).extracting(Row::kind).containsExactly("SLA_WARNING");
        assertThat(rows(engineer.email()).get(0).body()).contains("http://localhost:8080/cases/b");

        publish(new SlaAlert(
                SlaAlert.Level.WARNING, "KOBAN-R-2026-0003", "Acknowledge the report", due, null, null, "/reports/c"));
        assertThat(rows(analyst.email()))
                .extracting(Row::subject)
                .anySatisfy(subject ->
                        assertThat(subject).isEqualTo("SLA warning: Acknowledge the report on KOBAN-R-2026-0003"));
    }

    private static String readAll(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Turns one topic off through the preference service, as the person would on their account page. */
    private void optOut(UserView user, Topic topic) {
        notifications.updatePreferences(
                Fixtures.actorOf(user), NotificationPreferences.allExcept(java.util.EnumSet.of(topic)));
    }
}
