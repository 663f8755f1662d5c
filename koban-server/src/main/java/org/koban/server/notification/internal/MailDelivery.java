package org.koban.server.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import org.koban.server.notification.internal.OutboxRecords.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mail from the outbox through SMTP. Without {@code spring.mail.host} there is no mail sender,
 * and mail simply stays pending (visible to the admin) until SMTP is configured.
 *
 * <p>Each batch is sent inside the transaction that locked its rows, so no other node sends them too. A
 * mail whose SMTP hand-over succeeded but whose commit then failed is sent again: delivery is at least once.
 */
@Component
class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    /** A bound on one run, so that a run ends even if something keeps making mail due. */
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final OutboxRecords records;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDelivery(
            OutboxRecords records,
            ObjectProvider<JavaMailSender> mailSender,
            MailProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.records = records;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends what is due now; the delivery job calls this. Returns how many mails were attempted. */
    int deliverDue() {
        return deliverDue(clock.instant());
    }

    /** Sends what is due at {@code now}. */
    int deliverDue(Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) return 0;
        int attempted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Integer count = transactions.execute(status -> deliverBatch(sender, now));
            int n = count == null ? 0 : count;
            attempted += n;
            if (n < properties.batch()) break;
        }
        return attempted;
    }

    /**
     * One SMTP connection per batch: the sender connects once and reports which messages failed. When the
     * server cannot be reached, every mail of the batch fails with the same error after one connection
     * attempt, rather than one timeout per mail.
     */
    private int deliverBatch(JavaMailSender sender, Instant now) {
        var due = records.lockDue(now, properties.batch());
        Map<MimeMessage, Due> messages = new IdentityHashMap<>();
        for (Due mail : due) {
            try {
                messages.put(message(sender, mail, now), mail);
            } catch (AddressException e) {
                // A malformed address will not get better with time.
                records.markFailed(mail.id(), "invalid recipient address: " + e.getMessage());
            } catch (MessagingException e) {
                failed(mail, describe(e), now);
            }
        }
        if (messages.isEmpty()) return due.size();
        Map<Object, Exception> failures = Map.of();
        Exception whole = null;
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
            if (failures.isEmpty()) whole = e;
        } catch (MailException e) {
            // e.g. authentication refused: nothing of the batch went out.
            whole = e;
        }
        for (var entry : messages.entrySet()) {
            Exception problem = whole != null ? whole : failures.get(entry.getKey());
            if (problem == null) records.markSent(entry.getValue().id(), now);
            else failed(entry.getValue(), describe(problem), now);
        }
        return due.size();
    }

    private void failed(Due mail, String error, Instant now) {
        int attempts = mail.attempts() + 1;
        if (attempts >= properties.attemptLimit()) {
            LOG.warn(
                    "Mail {} to {} failed after {} attempts; giving up: {}",
                    mail.id(),
                    mail.recipient(),
                    attempts,
                    error);
            records.markFailed(mail.id(), error);
        } else {
            Instant next = now.plus(properties.delayAfter(attempts));
            LOG.info("Mail {} attempt {} failed; next attempt at {}: {}", mail.id(), attempts, next, error);
            records.markRetry(mail.id(), error, next);
        }
    }

    private MimeMessage message(JavaMailSender sender, Due mail, Instant now) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress(properties.sender(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        // RFC 3834: tells auto-responders not to answer Koban's mail.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.encrypted()) {
            message.setContent(pgpMime(mail.body()));
        } else {
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
        }
        message.saveChanges();
        return message;
    }

    /** RFC 3156: a version part, then the armoured OpenPGP message. */
    static MimeMultipart pgpMime(String armored) throws MessagingException {
        MimeMultipart multipart = new PgpMimeMultipart();
        MimeBodyPart control = new MimeBodyPart();
        control.setContent("Version: 1\r\n", "application/pgp-encrypted");
        control.setDescription("PGP/MIME version identification");
        multipart.addBodyPart(control);
        MimeBodyPart payload = new MimeBodyPart();
        payload.setContent(armored, "application/octet-stream; name=\"encrypted.asc\"");
        payload.setDisposition("inline; filename=\"encrypted.asc\"");
        payload.setDescription("OpenPGP encrypted message");
        multipart.addBodyPart(payload);
        return multipart;
    }

    /** {@code multipart/encrypted} needs its {@code protocol} parameter, which MimeMultipart cannot set itself. */
    private static final class PgpMimeMultipart extends MimeMultipart {

        PgpMimeMultipart() throws MessagingException {
            super("encrypted");
            ContentType type = new ContentType(contentType);
            type.setParameter("protocol", "application/pgp-encrypted");
            contentType = type.toString();
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null) message = message + " (" + root.getMessage() + ")";
        return message;
    }
}
