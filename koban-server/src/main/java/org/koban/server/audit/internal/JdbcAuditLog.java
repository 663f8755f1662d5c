package org.koban.server.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditEntry;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.audit.AuditVerification;
import org.koban.server.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log on PostgreSQL. Appends are serialised by the row lock on {@code audit_chain_head}, so the
 * chain stays linear with several nodes; a trigger refuses updates and deletes, and the hash chain shows
 * any change made around the trigger.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);

    // Canonical JSON: sorted keys, ISO dates, so that the same state always hashes the same.
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Permissions permissions;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, Permissions permissions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.permissions = permissions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            Actor actor,
            String action,
            String entityType,
            Object entityId,
            @Nullable Object before,
            @Nullable Object after) {
        var head = jdbc.sql("update audit_chain_head set seq = seq + 1 where id = 1 returning seq, hash")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String id = String.valueOf(entityId);
        String hash = hash(
                head.hash(), head.seq(), at, actor.id(), actor.name(), action, entityType, id, beforeJson, afterJson);
        jdbc.sql("""
                        insert into audit_log (seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id,
                                               before_state, after_state, previous_hash, hash)
                        values (:seq, :at, :actorId, :actorName, :action, :entityType, :entityId,
                                :before, :after, :previousHash, :hash)
                        """)
                .param("seq", head.seq())
                .param("at", Timestamp.from(at))
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", id)
                .param("before", beforeJson)
                .param("after", afterJson)
                .param("previousHash", head.hash())
                .param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set hash = :hash where id = 1")
                .param("hash", hash)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> list(Actor actor, AuditQuery query) {
        permissions.check(actor, Action.AUDIT_VIEW);
        var page = query.page();
        String where = """
                where (:search = '' or action ilike :like or entity_type ilike :like
                       or entity_id ilike :like or actor_name ilike :like)
                  and (:entityType = '' or entity_type = :entityType)
                """;
        long total = jdbc.sql("select count(*) from audit_log " + where)
                .param("search", page.search())
                .param("like", page.likePattern())
                .param("entityType", query.entityType())
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql(
                        "select * from audit_log " + where + " order by seq desc limit :limit offset :offset")
                .param("search", page.search())
                .param("like", page.likePattern())
                .param("entityType", query.entityType())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(JdbcAuditLog::entry)
                .list();
        return Page.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public AuditVerification verify(Actor actor) {
        permissions.check(actor, Action.AUDIT_VERIFY);
        var previous = new AtomicReference<>(GENESIS);
        var expectedSeq = new long[] {1};
        var broken = new AtomicReference<AuditVerification>();
        // Streamed in order, so verifying millions of entries needs no more memory than one row.
        jdbc.sql("select * from audit_log order by seq").query(rs -> {
            if (broken.get() != null) return;
            AuditEntry e = entry(rs, 0);
            String problem = null;
            if (e.seq() != expectedSeq[0]) {
                problem = "entry " + expectedSeq[0] + " is missing";
            } else if (!e.previousHash().equals(previous.get())) {
                problem = "entry " + e.seq() + " does not link to the hash of the entry before it";
            } else if (!e.hash().equals(hashOf(e))) {
                problem = "entry " + e.seq() + " was changed after it was recorded";
            }
            if (problem != null) {
                broken.set(new AuditVerification(false, expectedSeq[0] - 1, e.seq(), problem));
                return;
            }
            previous.set(e.hash());
            expectedSeq[0]++;
        });
        if (broken.get() != null) return broken.get();
        var head = jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        long checked = expectedSeq[0] - 1;
        if (head.seq() != checked || !head.hash().equals(previous.get())) {
            return new AuditVerification(
                    false,
                    checked,
                    checked + 1,
                    "the newest entries were removed (the chain head records entry " + head.seq() + ")");
        }
        return new AuditVerification(true, checked, null, null);
    }

    static String hashOf(AuditEntry e) {
        return hash(
                e.previousHash(),
                e.seq(),
                e.occurredAt(),
                e.actorId(),
                e.actorName(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.before(),
                e.after());
    }

    static String hash(
            String previousHash,
            long seq,
            Instant at,
            UUID actorId,
            String actorName,
            String action,
            String entityType,
            String entityId,
            @Nullable String before,
            @Nullable String after) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            // Each field is length-prefixed, so no choice of values can make two entries hash alike.
            for (String field : new String[] {
                previousHash,
                Long.toString(seq),
                at.toString(),
                actorId.toString(),
                actorName,
                action,
                entityType,
                entityId,
                before == null ? "\u0000" : before,
                after == null ? "\u0000" : after
            }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static @Nullable String toJson(@Nullable Object value) {
        return value == null ? null : CANONICAL.writeValueAsString(value);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    private record Head(long seq, String hash) {}
}
