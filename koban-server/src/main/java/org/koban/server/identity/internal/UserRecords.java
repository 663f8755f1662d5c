package org.koban.server.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Role;
import org.koban.server.identity.MailRecipient;
import org.koban.server.identity.UserView;
import org.koban.server.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} and {@code user_line} tables. */
@Repository
class UserRecords {

    record Credentials(
            UUID id,
            String email,
            String passwordHash,
            boolean enabled,
            @Nullable Instant lockedUntil) {}

    private static final String SELECT = """
            select u.*, coalesce((select array_agg(ul.line_id) from user_line ul where ul.user_id = u.id),
                                 '{}'::uuid[]) as line_ids
            from app_user u
            """;

    private final JdbcClient jdbc;

    UserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserView> find(UUID id) {
        return jdbc.sql(SELECT + " where u.id = :id")
                .param("id", id)
                .query(UserRecords::view)
                .optional();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("select id, email, password_hash, enabled, locked_until from app_user"
                        + " where lower(email) = lower(:email)")
                .param("email", email)
                .query((rs, n) -> new Credentials(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    boolean emailTaken(String email, @Nullable UUID self) {
        return jdbc.sql("select count(*) from app_user where lower(email) = lower(:email)"
                                + " and (cast(:self as uuid) is null or id <> :self)")
                        .param("email", email)
                        .param("self", self)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count(PageQuery query) {
        return jdbc.sql("select count(*) from app_user u where " + SEARCH)
                .param("search", query.search())
                .param("like", query.likePattern())
                .query(Long.class)
                .single();
    }

    List<UserView> page(PageQuery query) {
        return jdbc.sql(SELECT + " where " + SEARCH + " order by u.display_name, u.email limit :limit offset :offset")
                .param("search", query.search())
                .param("like", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(UserRecords::view)
                .list();
    }

    private static final String SEARCH = "(:search = '' or u.email ilike :like or u.display_name ilike :like)";

    void insert(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            boolean enabled,
            Instant now) {
        jdbc.sql("""
                        insert into app_user (id, email, display_name, password_hash, roles, enabled, created_at,
                                              password_changed_at)
                        values (:id, :email, :displayName, :hash, :roles, :enabled, :now, :now)
                        """)
                .param("id", id)
                .param("email", email)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("roles", roleNames(roles))
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(UUID id, String email, String displayName, Set<Role> roles, boolean enabled) {
        jdbc.sql("update app_user set email = :email, display_name = :displayName, roles = :roles,"
                        + " enabled = :enabled where id = :id")
                .param("id", id)
                .param("email", email)
                .param("displayName", displayName)
                .param("roles", roleNames(roles))
                .param("enabled", enabled)
                .update();
    }

    void joinParty(UUID id, UUID partyId) {
        jdbc.sql("update app_user set party_id = :party where id = :id")
                .param("id", id)
                .param("party", partyId)
                .update();
    }

    void setTimeZone(UUID id, @Nullable String zone) {
        jdbc.sql("update app_user set time_zone = :zone where id = :id")
                .param("id", id)
                .param("zone", zone)
                .update();
    }

    List<MailRecipient> partyMembers(UUID partyId) {
        return jdbc.sql("select id, email, display_name from app_user where party_id = :party and enabled"
                        + " order by email")
                .param("party", partyId)
                .query(UserRecords::recipient)
                .list();
    }

    long partyAccounts(UUID partyId) {
        return jdbc.sql("select count(*) from app_user where party_id = :party")
                .param("party", partyId)
                .query(Long.class)
                .single();
    }

    Optional<UUID> idByEmail(String email) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:email)")
                .param("email", email)
                .query(UUID.class)
                .optional();
    }

    void replaceLines(UUID id, Set<UUID> lineIds) {
        jdbc.sql("delete from user_line where user_id = :id").param("id", id).update();
        for (UUID lineId : lineIds) {
            jdbc.sql("insert into user_line (user_id, line_id) values (:id, :line)")
                    .param("id", id)
                    .param("line", lineId)
                    .update();
        }
    }

    void setPassword(UUID id, String hash, Instant now) {
        jdbc.sql("update app_user set password_hash = :hash, password_changed_at = :now where id = :id")
                .param("id", id)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Counts a failed login and locks the account once the limit is reached; atomic across nodes. */
    void recordFailedLogin(String email, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        update app_user set failed_logins = failed_logins + 1,
                               locked_until = case when failed_logins + 1 >= :max then :lockUntil else locked_until end
                        where lower(email) = lower(:email)
                        """)
                .param("email", email)
                .param("max", maxFailures)
                .param("lockUntil", Timestamp.from(lockUntil))
                .update();
    }

    void recordSuccessfulLogin(UUID id, Instant now) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void unlock(UUID id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    boolean anyExists() {
        return jdbc.sql("select exists (select 1 from app_user)")
                .query(Boolean.class)
                .single();
    }

    List<MailRecipient> recipients(Set<Role> roles, @Nullable UUID lineId) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name from app_user u
                        where u.enabled and u.roles && cast(:roles as text[])
                          and (cast(:line as uuid) is null
                               or exists (select 1 from user_line ul where ul.user_id = u.id and ul.line_id = :line))
                        order by u.email
                        """)
                .param("roles", roleNames(roles))
                .param("line", lineId)
                .query(UserRecords::recipient)
                .list();
    }

    Optional<MailRecipient> recipient(UUID id) {
        return jdbc.sql("select id, email, display_name from app_user where id = :id and enabled")
                .param("id", id)
                .query(UserRecords::recipient)
                .optional();
    }

    private static MailRecipient recipient(ResultSet rs, int row) throws SQLException {
        return new MailRecipient(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"));
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static UserView view(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(name));
        }
        Array lines = rs.getArray("line_ids");
        Set<UUID> lineIds = new HashSet<>(Arrays.asList((UUID[]) lines.getArray()));
        return new UserView(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                roles,
                lineIds,
                rs.getBoolean("enabled"),
                instant(rs.getTimestamp("locked_until")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_login_at")),
                rs.getObject("party_id", UUID.class),
                rs.getString("time_zone"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
