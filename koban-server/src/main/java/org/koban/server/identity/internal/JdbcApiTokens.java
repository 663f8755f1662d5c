package org.koban.server.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.identity.ApiTokenView;
import org.koban.server.identity.ApiTokens;
import org.koban.server.identity.IssuedApiToken;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Secrets;
import org.koban.server.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcApiTokens implements ApiTokens {

    static final String PREFIX = "kbn_";
    static final int MIN_BOOTSTRAP_LENGTH = 32;
    static final int MAX_SECRET_LENGTH = 512;
    // Writing last_used_at on every call would make each API request a write; once a minute is enough.
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Clock clock;

    JdbcApiTokens(JdbcClient jdbc, Permissions permissions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedApiToken issue(Actor actor, String name, @Nullable Instant expiresAt) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        var v = new Validation();
        v.required("name", name, 100);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) v.reject("expiresAt", "must be in the future");
        v.throwIfInvalid();
        String secret = PREFIX + Secrets.newSecret();
        ApiTokenView token = store(actor.id(), name.strip(), secret, expiresAt);
        audit.record(actor, "api-token.issued", "api-token", token.id(), null, token);
        return new IssuedApiToken(token, secret);
    }

    /** Stores a token whose secret was chosen by the operator ({@code KOBAN_BOOTSTRAP_TOKEN}). */
    @Transactional
    ApiTokenView storeBootstrap(UUID userId, String secret) {
        if (secret.length() < MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalStateException("KOBAN_BOOTSTRAP_TOKEN must be at least " + MIN_BOOTSTRAP_LENGTH
                    + " characters long (it has " + secret.length() + ")");
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "KOBAN_BOOTSTRAP_TOKEN must be at most " + MAX_SECRET_LENGTH + " characters long");
        }
        ApiTokenView token = store(userId, "bootstrap", secret, null);
        audit.record(Actor.system(), "api-token.issued", "api-token", token.id(), null, token);
        return token;
    }

    private ApiTokenView store(UUID userId, String name, String secret, @Nullable Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_token (id, user_id, name, token_hash, token_prefix, created_at, expires_at)
                        values (:id, :userId, :name, :hash, :prefix, :now, :expiresAt)
                        """)
                .param("id", id)
                .param("userId", userId)
                .param("name", name)
                .param("hash", Secrets.hash(secret))
                .param("prefix", secret.substring(0, Math.min(8, secret.length())))
                .param("now", Timestamp.from(clock.instant()))
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiTokenView> listOwn(Actor actor) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        return jdbc.sql("select * from api_token where user_id = :userId order by created_at desc")
                .param("userId", actor.id())
                .query(JdbcApiTokens::view)
                .list();
    }

    @Override
    @Transactional
    public void revoke(Actor actor, UUID tokenId) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        ApiTokenView before = jdbc.sql("select * from api_token where id = :id and user_id = :userId")
                .param("id", tokenId)
                .param("userId", actor.id())
                .query(JdbcApiTokens::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        if (before.revokedAt() != null) return;
        jdbc.sql("update api_token set revoked_at = :now where id = :id")
                .param("id", tokenId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(
                actor,
                "api-token.revoked",
                "api-token",
                tokenId,
                before,
                find(tokenId).orElseThrow());
    }

    /** The owner of an active token with this secret, recording its use. */
    @Transactional
    Optional<UUID> authenticate(String secret) {
        if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) return Optional.empty();
        Instant now = clock.instant();
        var match = jdbc.sql("""
                        select id, user_id, last_used_at from api_token
                        where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)
                        """)
                .param("hash", Secrets.hash(secret))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Match(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("last_used_at")))
                .optional();
        match.filter(m -> m.lastUsed() == null
                        || m.lastUsed().toInstant().plus(LAST_USED_RESOLUTION).isBefore(now))
                .ifPresent(m -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                        .param("id", m.id())
                        .param("now", Timestamp.from(now))
                        .update());
        return match.map(Match::userId);
    }

    private record Match(UUID id, UUID userId, @Nullable Timestamp lastUsed) {}

    private Optional<ApiTokenView> find(UUID id) {
        return jdbc.sql("select * from api_token where id = :id")
                .param("id", id)
                .query(JdbcApiTokens::view)
                .optional();
    }

    private static ApiTokenView view(ResultSet rs, int row) throws SQLException {
        return new ApiTokenView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
