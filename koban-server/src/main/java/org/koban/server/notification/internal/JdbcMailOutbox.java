package org.koban.server.notification.internal;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.notification.MailKind;
import org.koban.server.notification.MailOutbox;
import org.koban.server.notification.OutboxEntry;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes mail into the outbox, in the caller's transaction, and lists it for the admin. */
@Service
class JdbcMailOutbox implements MailOutbox {

    /** What a mail says, before any encryption. Plain text only: reporters' words are never HTML. */
    record Letter(String subject, String text) {}

    private final OutboxRecords records;
    private final OpenPgp openPgp;
    private final Permissions permissions;
    private final Clock clock;

    JdbcMailOutbox(OutboxRecords records, OpenPgp openPgp, Permissions permissions, Clock clock) {
        this.records = records;
        this.openPgp = openPgp;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * Queues a plain mail. MANDATORY: a mail is only ever written together with the change that causes it,
     * so a rolled-back change sends nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(MailKind kind, String recipient, Letter letter) {
        records.insert(kind, recipient, oneLine(letter.subject()), letter.text(), false, null, clock.instant());
    }

    /**
     * Queues a mail to someone who may have given an OpenPGP key. With a usable key only ciphertext is stored,
     * under a subject that gives nothing away. With an unusable key the secret letter is not sent at all: the
     * notice goes instead, in clear, and the reason is recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueueProtected(
            MailKind kind,
            String recipient,
            @Nullable String publicKey,
            Letter secret,
            String encryptedSubject,
            java.util.function.Function<String, Letter> noticeFor) {
        if (publicKey == null || publicKey.isBlank()) {
            enqueue(kind, recipient, secret);
            return;
        }
        var now = clock.instant();
        // The subject travels in clear in PGP/MIME, so the real one goes inside, above the text.
        String inner = "Subject: " + oneLine(secret.subject()) + "\n\n" + secret.text();
        switch (openPgp.encrypt(publicKey, inner, now)) {
            case OpenPgp.Encrypted encrypted ->
                records.insert(kind, recipient, oneLine(encryptedSubject), encrypted.armored(), true, null, now);
            case OpenPgp.Unusable unusable -> {
                Letter notice = noticeFor.apply(unusable.reason());
                records.insert(
                        kind, recipient, oneLine(notice.subject()), notice.text(), false, unusable.reason(), now);
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OutboxEntry> list(Actor actor, PageQuery query) {
        permissions.check(actor, Action.OUTBOX_VIEW);
        return Page.of(records.page(query), query, records.count(query));
    }

    /** Subjects come partly from people; a line break in one would be a header injection attempt. */
    static String oneLine(String subject) {
        String flat = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }
}
