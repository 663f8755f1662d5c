package org.koban.server.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.notification.MailKind;
import org.koban.server.notification.MailState;
import org.koban.server.notification.OutboxEntry;
import org.koban.server.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table. */
@Repository
class OutboxRecords {

    static final int MAX_ERROR_LENGTH = 500;

    /** A mail due for delivery, with what is needed to send it. */
    record Due(UUID id, String recipient, String subject, String body, boolean encrypted, int attempts) {}

    private final JdbcClient jdbc;

    OutboxRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            MailKind kind,
            String recipient,
            String subject,
            String body,
            boolean encrypted,
            @Nullable String encryptionProblem,
            Instant now) {
        jdbc.sql("""
                        insert into mail_outbox (id, kind, recipient, subject, body, encrypted, encryption_problem,
                                                 state, attempts, next_attempt_at, created_at)
                        values (:id, :kind, :recipient, :subject, :body, :encrypted, :problem,
                                'PENDING', 0, :now, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("encrypted", encrypted)
                .param("problem", encryptionProblem)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks up to {@code limit} due mails. Rows another node has locked are skipped, so each mail is sent by
     * one node only; the locks last until the caller's transaction ends.
     */
    List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id, recipient, subject, body, encrypted, attempts from mail_outbox
                        where state = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, created_at
                        limit :limit
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getBoolean("encrypted"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Sent: the body goes, so that no tracking link or message text stays in the database. */
    void markSent(UUID id, Instant now) {
        jdbc.sql("""
                        update mail_outbox set state = 'SENT', attempts = attempts + 1, sent_at = :now, body = null,
                               last_error = null
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now)).update();
    }

    void markRetry(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        where id = :id
                        """)
                .param("id", id)
                .param("error", truncate(error))
                .param("next", Timestamp.from(nextAttempt))
                .update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("update mail_outbox set state = 'FAILED', attempts = attempts + 1, last_error = :error where id = :id")
                .param("id", id)
                .param("error", truncate(error))
                .update();
    }

    private static final String SEARCH =
            "(:search = '' or recipient ilike :like or subject ilike :like or kind ilike :like)";

    long count(PageQuery query) {
        return jdbc.sql("select count(*) from mail_outbox where " + SEARCH)
                .param("search", query.search())
                .param("like", query.likePattern())
                .query(Long.class)
                .single();
    }

    List<OutboxEntry> page(PageQuery query) {
        // The body is deliberately not selected: nothing that lists the outbox can show it.
        return jdbc.sql("select id, kind, recipient, subject, encrypted, encryption_problem, state, attempts,"
                        + " next_attempt_at, last_error, created_at, sent_at from mail_outbox where " + SEARCH
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("search", query.search())
                .param("like", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(OutboxRecords::entry)
                .list();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        MailState state = MailState.valueOf(rs.getString("state"));
        return new OutboxEntry(
                rs.getObject("id", UUID.class),
                MailKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getBoolean("encrypted"),
                rs.getString("encryption_problem"),
                state,
                rs.getInt("attempts"),
                state == MailState.PENDING ? instant(rs.getTimestamp("next_attempt_at")) : null,
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("sent_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** One line, at most {@link #MAX_ERROR_LENGTH} characters: enough to see what went wrong. */
    static String truncate(String error) {
        String flat = error.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_ERROR_LENGTH ? flat : flat.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
