package org.koban.server.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.LineScope;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.organisation.SiteView;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOrganisation implements Organisation {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    // Line counts, too, include only the lines the actor may see.
    private static final String SITE_SELECT = """
            select s.*, (select count(*) from production_line l
                         where l.site_id = s.id and (:scopeAll or l.id = any(:scopeLines))) as line_count
            from site s
            """;
    // A line-scoped actor sees the sites that hold one of their lines.
    private static final String SITE_SCOPE = "(:scopeAll or exists (select 1 from production_line sl"
            + " where sl.site_id = s.id and sl.id = any(:scopeLines)))";
    private static final String LINE_SELECT = """
            select l.*, s.code as site_code, s.name as site_name
            from production_line l join site s on s.id = l.site_id
            """;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Clock clock;

    JdbcOrganisation(JdbcClient jdbc, Permissions permissions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<SiteView> sites(Actor actor, PageQuery query) {
        LineScope scope = viewScope(actor);
        String where = " where " + SITE_SCOPE
                + " and (:search = '' or s.code ilike :like or s.name ilike :like or s.city ilike :like"
                + " or s.country ilike :search)";
        long total = jdbc.sql("select count(*) from site s" + where)
                .params(scopeParams(scope, query))
                .query(Long.class)
                .single();
        var items = jdbc.sql(SITE_SELECT + where + " order by s.name, s.code limit :limit offset :offset")
                .params(scopeParams(scope, query))
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(JdbcOrganisation::site)
                .list();
        return Page.of(items, query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public SiteView site(Actor actor, UUID siteId) {
        LineScope scope = viewScope(actor);
        return jdbc.sql(SITE_SELECT + " where s.id = :id and " + SITE_SCOPE)
                .param("id", siteId)
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query(JdbcOrganisation::site)
                .optional()
                .orElseThrow(() -> new NotFoundException("Site", siteId));
    }

    @Override
    @Transactional
    public SiteView createSite(Actor actor, SiteCommand command) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        validate(command, null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into site (id, code, name, country, city, description, created_at, updated_at)
                        values (:id, :code, :name, :country, :city, :description, :now, :now)
                        """)
                .param("id", id)
                .params(siteParams(command))
                .param("now", Timestamp.from(now))
                .update();
        SiteView created = site(actor, id);
        audit.record(actor, "site.created", "site", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public SiteView updateSite(Actor actor, UUID siteId, SiteCommand command) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        SiteView before = site(actor, siteId);
        validate(command, siteId);
        jdbc.sql("""
                        update site set code = :code, name = :name, country = :country, city = :city,
                               description = :description, updated_at = :now
                        where id = :id
                        """)
                .param("id", siteId)
                .params(siteParams(command))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        SiteView after = site(actor, siteId);
        audit.record(actor, "site.updated", "site", siteId, before, after);
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ProductionLineView> lines(Actor actor, PageQuery query, @Nullable UUID siteId) {
        LineScope scope = viewScope(actor);
        String where = " where " + LineScope.sqlPredicate("l.id")
                + " and (cast(:siteId as uuid) is null or l.site_id = :siteId)"
                + " and (:search = '' or l.code ilike :like or l.name ilike :like or s.name ilike :like"
                + " or s.code ilike :like)";
        long total = jdbc.sql("select count(*) from production_line l join site s on s.id = l.site_id" + where)
                .params(scopeParams(scope, query))
                .param("siteId", siteId)
                .query(Long.class)
                .single();
        var items = jdbc.sql(LINE_SELECT + where + " order by s.name, l.name limit :limit offset :offset")
                .params(scopeParams(scope, query))
                .param("siteId", siteId)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(JdbcOrganisation::line)
                .list();
        return Page.of(items, query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductionLineView line(Actor actor, UUID lineId) {
        if (!viewScope(actor).includes(lineId)) throw new NotFoundException("Production line", lineId);
        return findLine(lineId).orElseThrow(() -> new NotFoundException("Production line", lineId));
    }

    @Override
    @Transactional
    public ProductionLineView createLine(Actor actor, ProductionLineCommand command) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        validate(command, null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into production_line (id, site_id, code, name, description, created_at, updated_at)
                        values (:id, :siteId, :code, :name, :description, :now, :now)
                        """)
                .param("id", id)
                .params(lineParams(command))
                .param("now", Timestamp.from(now))
                .update();
        ProductionLineView created = line(actor, id);
        audit.record(actor, "production-line.created", "production-line", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public ProductionLineView updateLine(Actor actor, UUID lineId, ProductionLineCommand command) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        ProductionLineView before = line(actor, lineId);
        validate(command, lineId);
        jdbc.sql("""
                        update production_line set site_id = :siteId, code = :code, name = :name,
                               description = :description, updated_at = :now
                        where id = :id
                        """)
                .param("id", lineId)
                .params(lineParams(command))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ProductionLineView after = line(actor, lineId);
        audit.record(actor, "production-line.updated", "production-line", lineId, before, after);
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductionLineView> visibleLines(Actor actor) {
        LineScope scope = viewScope(actor);
        return jdbc.sql(LINE_SELECT + " where " + LineScope.sqlPredicate("l.id") + " order by s.name, l.name")
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query(JdbcOrganisation::line)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ProductionLineView> linesByCode(Collection<String> codes) {
        if (codes.isEmpty()) return Map.of();
        String[] lowered =
                codes.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return jdbc
                .sql(LINE_SELECT + " where lower(l.code) = any(:codes)")
                .param("codes", lowered)
                .query(JdbcOrganisation::line)
                .list()
                .stream()
                .collect(Collectors.toMap(l -> l.code().toLowerCase(Locale.ROOT), Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, ProductionLineView> linesById(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbc
                .sql(LINE_SELECT + " where l.id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(JdbcOrganisation::line)
                .list()
                .stream()
                .collect(Collectors.toMap(ProductionLineView::id, Function.identity()));
    }

    private java.util.Optional<ProductionLineView> findLine(UUID lineId) {
        return jdbc.sql(LINE_SELECT + " where l.id = :id")
                .param("id", lineId)
                .query(JdbcOrganisation::line)
                .optional();
    }

    private LineScope viewScope(Actor actor) {
        permissions.check(actor, Action.ORGANISATION_VIEW);
        return permissions.visibleLines(actor);
    }

    private void validate(SiteCommand command, @Nullable UUID self) {
        var v = new Validation();
        String code = v.code("code", command.code());
        v.required("name", command.name(), 200);
        v.optional("city", command.city(), 200);
        v.optional("description", command.description(), 4000);
        if (command.country() == null || !COUNTRIES.contains(command.country().toUpperCase(Locale.ROOT))) {
            v.reject("country", "must be an ISO 3166-1 two-letter country code, such as JP, TW or DE");
        }
        if (code != null && taken("site", code, self)) v.reject("code", "is already used by another site");
        v.throwIfInvalid();
    }

    private void validate(ProductionLineCommand command, @Nullable UUID self) {
        var v = new Validation();
        String code = v.code("code", command.code());
        v.required("name", command.name(), 200);
        v.optional("description", command.description(), 4000);
        if (command.siteId() == null) {
            v.reject("siteId", "is required");
        } else if (jdbc.sql("select count(*) from site where id = :id")
                        .param("id", command.siteId())
                        .query(Long.class)
                        .single()
                == 0) {
            v.reject("siteId", "is not a known site");
        }
        if (code != null && taken("production_line", code, self)) {
            v.reject("code", "is already used by another production line");
        }
        v.throwIfInvalid();
    }

    private boolean taken(String table, String code, @Nullable UUID self) {
        return jdbc.sql("select count(*) from " + table
                                + " where lower(code) = lower(:code) and (cast(:self as uuid) is null or id <> :self)")
                        .param("code", code)
                        .param("self", self)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Map<String, Object> siteParams(SiteCommand c) {
        return Map.of(
                "code", strip(c.code()),
                "name", strip(c.name()),
                "country", strip(c.country()).toUpperCase(Locale.ROOT),
                "city", strip(c.city()),
                "description", strip(c.description()));
    }

    private static Map<String, Object> lineParams(ProductionLineCommand c) {
        return Map.of(
                "siteId", java.util.Objects.requireNonNull(c.siteId()),
                "code", strip(c.code()),
                "name", strip(c.name()),
                "description", strip(c.description()));
    }

    private static Map<String, Object> scopeParams(LineScope scope, PageQuery query) {
        return Map.of(
                "scopeAll", scope.allParameter(),
                "scopeLines", scope.linesParameter(),
                "search", query.search(),
                "like", query.likePattern());
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static SiteView site(ResultSet rs, int row) throws SQLException {
        return new SiteView(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("country"),
                rs.getString("city"),
                rs.getString("description"),
                rs.getInt("line_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ProductionLineView line(ResultSet rs, int row) throws SQLException {
        return new ProductionLineView(
                rs.getObject("id", UUID.class),
                rs.getObject("site_id", UUID.class),
                rs.getString("site_code"),
                rs.getString("site_name"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
