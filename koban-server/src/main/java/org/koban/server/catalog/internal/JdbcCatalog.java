package org.koban.server.catalog.internal;

import static org.koban.server.catalog.internal.CatalogRules.emptyToNull;
import static org.koban.server.catalog.internal.CatalogRules.strip;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.LineScope;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.CatalogSummary;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.catalog.ProductCommand;
import org.koban.server.catalog.ProductFamilyCommand;
import org.koban.server.catalog.ProductFamilyView;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCatalog implements Catalog {

    static final String FAMILY_SELECT = """
            select f.*, (select count(*) from product p where p.family_id = f.id) as product_count
            from product_family f
            """;
    static final String PRODUCT_SELECT = """
            select p.*, f.code as family_code, f.name as family_name,
                   (select count(*) from product_version v where v.product_id = p.id) as version_count
            from product p left join product_family f on f.id = p.family_id
            """;
    static final String VERSION_SELECT = """
            select v.*, p.code as product_code, p.name as product_name, p.line_id
            from product_version v join product p on p.id = v.product_id
            """;
    private static final String PRODUCT_SEARCH = """
             and (:search = '' or p.code ilike :like or p.name ilike :like or p.description ilike :like
                  or f.code ilike :like or f.name ilike :like
                  or exists (select 1 from product_version sv where sv.product_id = p.id
                             and (sv.version ilike :like or sv.cpe ilike :like or sv.purl ilike :like
                                  or array_to_string(sv.model_numbers, ' ') ilike :like)))
            """;
    private static final UnaryOperator<String> SAME = UnaryOperator.identity();

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Organisation organisation;
    private final Clock clock;

    JdbcCatalog(JdbcClient jdbc, Permissions permissions, AuditLog audit, Organisation organisation, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.organisation = organisation;
        this.clock = clock;
    }

    // ---- families: organisation-wide names; any catalogue editor may add one, organisation-wide editors change them

    @Override
    @Transactional(readOnly = true)
    public Page<ProductFamilyView> families(Actor actor, PageQuery query) {
        permissions.check(actor, Action.CATALOG_VIEW);
        String where = " where (:search = '' or f.code ilike :like or f.name ilike :like)";
        long total = jdbc.sql("select count(*) from product_family f" + where)
                .param("search", query.search())
                .param("like", query.likePattern())
                .query(Long.class)
                .single();
        var items = jdbc.sql(FAMILY_SELECT + where + " order by lower(f.code) limit :limit offset :offset")
                .param("search", query.search())
                .param("like", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(JdbcCatalog::family)
                .list();
        return Page.of(items, query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductFamilyView family(Actor actor, UUID familyId) {
        permissions.check(actor, Action.CATALOG_VIEW);
        return findFamily(familyId).orElseThrow(() -> new NotFoundException("Product family", familyId));
    }

    @Override
    @Transactional
    public ProductFamilyView createFamily(Actor actor, ProductFamilyCommand command) {
        permissions.check(actor, Action.CATALOG_EDIT);
        validate(command, null);
        UUID id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into product_family (id, code, name, description, created_at, updated_at)
                        values (:id, :code, :name, :description, :now, :now)
                        """)
                .param("id", id)
                .param("code", strip(command.code()))
                .param("name", strip(command.name()))
                .param("description", strip(command.description()))
                .param("now", now)
                .update();
        ProductFamilyView created = family(actor, id);
        audit.record(actor, "product-family.created", "product-family", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public ProductFamilyView updateFamily(Actor actor, UUID familyId, ProductFamilyCommand command) {
        ProductFamilyView before = family(actor, familyId);
        checkManageFamilies(actor);
        validate(command, familyId);
        jdbc.sql("""
                        update product_family set code = :code, name = :name, description = :description,
                               updated_at = :now where id = :id
                        """)
                .param("id", familyId)
                .param("code", strip(command.code()))
                .param("name", strip(command.name()))
                .param("description", strip(command.description()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ProductFamilyView after = family(actor, familyId);
        audit.record(actor, "product-family.updated", "product-family", familyId, before, after);
        return after;
    }

    @Override
    @Transactional
    public void deleteFamily(Actor actor, UUID familyId) {
        ProductFamilyView before = family(actor, familyId);
        checkManageFamilies(actor);
        if (before.productCount() > 0) {
            throw InvalidInputException.of(
                    "family", "still has " + before.productCount() + " product(s); move them to another family first");
        }
        jdbc.sql("delete from product_family where id = :id")
                .param("id", familyId)
                .update();
        audit.record(actor, "product-family.deleted", "product-family", familyId, before, null);
    }

    @Override
    public boolean canManageFamilies(Actor actor) {
        return permissions.scopeFor(actor, Action.CATALOG_EDIT).all();
    }

    private void checkManageFamilies(Actor actor) {
        if (!canManageFamilies(actor)) {
            throw new AccessDeniedException(actor.name() + " may not change product families");
        }
    }

    private void validate(ProductFamilyCommand command, @Nullable UUID self) {
        var v = new Validation();
        CatalogRules.named(v, SAME, command.code(), command.name(), command.description());
        String code = strip(command.code());
        if (!code.isEmpty() && taken("product_family", code, self)) {
            v.reject("code", "is already used by another product family");
        }
        v.throwIfInvalid();
    }

    // ---- products

    @Override
    @Transactional(readOnly = true)
    public Page<ProductView> products(Actor actor, PageQuery query, ProductFilter filter) {
        LineScope scope = viewScope(actor);
        String where = " where " + LineScope.sqlPredicate("p.line_id")
                + " and (cast(:lineId as uuid) is null or p.line_id = :lineId)"
                + " and (cast(:familyId as uuid) is null or p.family_id = :familyId)"
                + " and (cast(:lifecycle as text) is null or exists (select 1 from product_version lv"
                + " where lv.product_id = p.id and lv.lifecycle = :lifecycle))"
                + PRODUCT_SEARCH;
        Map<String, Object> params = new HashMap<>();
        params.put("scopeAll", scope.allParameter());
        params.put("scopeLines", scope.linesParameter());
        params.put("search", query.search());
        params.put("like", query.likePattern());
        params.put("lineId", filter.lineId());
        params.put("familyId", filter.familyId());
        params.put(
                "lifecycle",
                filter.lifecycle() == null ? null : filter.lifecycle().name());
        long total = jdbc.sql("select count(*) from product p left join product_family f on f.id = p.family_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ProductRow> rows = jdbc.sql(PRODUCT_SELECT + where + " order by lower(p.code) limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(JdbcCatalog::productRow)
                .list();
        return Page.of(withLines(rows), query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductView product(Actor actor, UUID productId) {
        LineScope scope = viewScope(actor);
        ProductRow row = findProduct(productId)
                .filter(p -> scope.includes(p.lineId()))
                .orElseThrow(() -> new NotFoundException("Product", productId));
        return withLines(List.of(row)).get(0);
    }

    @Override
    @Transactional
    public ProductView createProduct(Actor actor, ProductCommand command) {
        permissions.check(actor, Action.CATALOG_EDIT);
        if (command.lineId() != null) checkEdit(actor, command.lineId());
        validate(command, null);
        UUID id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into product (id, line_id, family_id, code, name, description, created_at, updated_at)
                        values (:id, :lineId, :familyId, :code, :name, :description, :now, :now)
                        """)
                .param("id", id)
                .params(productParams(command))
                .param("now", now)
                .update();
        ProductView created = product(actor, id);
        audit.record(actor, "product.created", "product", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public ProductView updateProduct(Actor actor, UUID productId, ProductCommand command) {
        ProductView before = product(actor, productId);
        checkEdit(actor, before.lineId());
        // Moving a product hands it to another line: the actor must be allowed to edit both.
        if (command.lineId() != null && !command.lineId().equals(before.lineId())) checkEdit(actor, command.lineId());
        validate(command, productId);
        jdbc.sql("""
                        update product set line_id = :lineId, family_id = :familyId, code = :code, name = :name,
                               description = :description, updated_at = :now
                        where id = :id
                        """)
                .param("id", productId)
                .params(productParams(command))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ProductView after = product(actor, productId);
        audit.record(actor, "product.updated", "product", productId, before, after);
        return after;
    }

    @Override
    @Transactional
    public void deleteProduct(Actor actor, UUID productId) {
        ProductView before = product(actor, productId);
        checkEdit(actor, before.lineId());
        if (before.versionCount() > 0) {
            throw InvalidInputException.of(
                    "product", "still has " + before.versionCount() + " version(s); delete them first");
        }
        jdbc.sql("delete from product where id = :id").param("id", productId).update();
        audit.record(actor, "product.deleted", "product", productId, before, null);
    }

    @Override
    public boolean canEdit(Actor actor, ProductView product) {
        return permissions.can(actor, Action.CATALOG_EDIT, product.lineId());
    }

    @Override
    public boolean canCreateProducts(Actor actor) {
        return !permissions.scopeFor(actor, Action.CATALOG_EDIT).isEmpty();
    }

    private void validate(ProductCommand command, @Nullable UUID self) {
        var v = new Validation();
        CatalogRules.named(v, SAME, command.code(), command.name(), command.description());
        String code = strip(command.code());
        if (!code.isEmpty() && taken("product", code, self)) v.reject("code", "is already used by another product");
        if (command.lineId() == null) {
            v.reject("lineId", "is required");
        } else if (organisation.linesById(List.of(command.lineId())).isEmpty()) {
            v.reject("lineId", "is not a known production line");
        }
        if (command.familyId() != null && findFamily(command.familyId()).isEmpty()) {
            v.reject("familyId", "is not a known product family");
        }
        v.throwIfInvalid();
    }

    private static Map<String, Object> productParams(ProductCommand c) {
        var params = new HashMap<String, Object>();
        params.put("lineId", c.lineId());
        params.put("familyId", c.familyId());
        params.put("code", strip(c.code()));
        params.put("name", strip(c.name()));
        params.put("description", strip(c.description()));
        return params;
    }

    // ---- versions

    @Override
    @Transactional(readOnly = true)
    public Page<ProductVersionView> versions(Actor actor, UUID productId, PageQuery query) {
        product(actor, productId);
        String where = " where v.product_id = :productId and (:search = '' or v.version ilike :like"
                + " or v.cpe ilike :like or v.purl ilike :like or array_to_string(v.model_numbers, ' ') ilike :like)";
        long total = jdbc.sql("select count(*) from product_version v" + where)
                .param("productId", productId)
                .param("search", query.search())
                .param("like", query.likePattern())
                .query(Long.class)
                .single();
        // Newest first: release date, then creation for versions not released yet.
        var items = jdbc.sql(VERSION_SELECT + where
                        + " order by v.release_date desc nulls first, v.created_at desc, v.version desc"
                        + " limit :limit offset :offset")
                .param("productId", productId)
                .param("search", query.search())
                .param("like", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(JdbcCatalog::version)
                .list();
        return Page.of(items, query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductVersionView version(Actor actor, UUID versionId) {
        LineScope scope = viewScope(actor);
        return findVersion(versionId)
                .filter(v -> scope.includes(v.lineId()))
                .orElseThrow(() -> new NotFoundException("Product version", versionId));
    }

    @Override
    @Transactional
    public ProductVersionView createVersion(Actor actor, UUID productId, ProductVersionCommand command) {
        ProductView product = product(actor, productId);
        checkEdit(actor, product.lineId());
        CatalogRules.VersionData data = validate(command, productId, null);
        UUID id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into product_version (id, product_id, version, lifecycle, release_date,
                               end_of_support_date, cpe, purl, model_numbers, created_at, updated_at)
                        values (:id, :productId, :version, :lifecycle, :releaseDate, :endOfSupportDate, :cpe, :purl,
                               :modelNumbers, :now, :now)
                        """)
                .param("id", id)
                .param("productId", productId)
                .params(versionParams(data))
                .param("now", now)
                .update();
        ProductVersionView created = version(actor, id);
        audit.record(actor, "product-version.created", "product-version", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public ProductVersionView updateVersion(Actor actor, UUID versionId, ProductVersionCommand command) {
        ProductVersionView before = version(actor, versionId);
        checkEdit(actor, before.lineId());
        CatalogRules.VersionData data = validate(command, before.productId(), versionId);
        jdbc.sql("""
                        update product_version set version = :version, lifecycle = :lifecycle,
                               release_date = :releaseDate, end_of_support_date = :endOfSupportDate, cpe = :cpe,
                               purl = :purl, model_numbers = :modelNumbers, updated_at = :now
                        where id = :id
                        """)
                .param("id", versionId)
                .params(versionParams(data))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        ProductVersionView after = version(actor, versionId);
        audit.record(actor, "product-version.updated", "product-version", versionId, before, after);
        return after;
    }

    @Override
    @Transactional
    public void deleteVersion(Actor actor, UUID versionId) {
        ProductVersionView before = version(actor, versionId);
        checkEdit(actor, before.lineId());
        jdbc.sql("delete from product_version where id = :id")
                .param("id", versionId)
                .update();
        audit.record(actor, "product-version.deleted", "product-version", versionId, before, null);
    }

    private CatalogRules.VersionData validate(ProductVersionCommand command, UUID productId, @Nullable UUID self) {
        var v = new Validation();
        CatalogRules.VersionData data = CatalogRules.version(v, SAME, command);
        if (data != null
                && jdbc.sql("select count(*) from product_version where product_id = :productId and version = :version"
                                        + " and (cast(:self as uuid) is null or id <> :self)")
                                .param("productId", productId)
                                .param("version", data.version())
                                .param("self", self)
                                .query(Long.class)
                                .single()
                        > 0) {
            v.reject("version", "already exists for this product");
        }
        v.throwIfInvalid();
        return java.util.Objects.requireNonNull(data);
    }

    static Map<String, Object> versionParams(CatalogRules.VersionData d) {
        var params = new HashMap<String, Object>();
        params.put("version", d.version());
        params.put("lifecycle", d.lifecycle().name());
        params.put("releaseDate", d.releaseDate() == null ? null : Date.valueOf(d.releaseDate()));
        params.put("endOfSupportDate", d.endOfSupportDate() == null ? null : Date.valueOf(d.endOfSupportDate()));
        params.put("cpe", d.cpe());
        params.put("purl", d.purl());
        params.put("modelNumbers", d.modelNumbers().toArray(String[]::new));
        return params;
    }

    // ---- summary

    @Override
    @Transactional(readOnly = true)
    public CatalogSummary summary(Actor actor) {
        LineScope scope = viewScope(actor);
        return jdbc.sql("""
                        select (select count(*) from product p where %s) as products,
                               count(v.id) as versions,
                               count(v.id) filter (where v.lifecycle = 'IN_DEVELOPMENT') as in_development,
                               count(v.id) filter (where v.lifecycle = 'ON_MARKET') as on_market,
                               count(v.id) filter (where v.lifecycle = 'END_OF_SUPPORT') as end_of_support
                        from product_version v join product p on p.id = v.product_id
                        where %s
                        """.formatted(LineScope.sqlPredicate("p.line_id"), LineScope.sqlPredicate("p.line_id")))
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query((rs, n) -> new CatalogSummary(
                        rs.getLong("products"),
                        rs.getLong("versions"),
                        rs.getLong("in_development"),
                        rs.getLong("on_market"),
                        rs.getLong("end_of_support")))
                .single();
    }

    // ---- shared

    private LineScope viewScope(Actor actor) {
        permissions.check(actor, Action.CATALOG_VIEW);
        return permissions.visibleLines(actor);
    }

    private void checkEdit(Actor actor, UUID lineId) {
        permissions.check(actor, Action.CATALOG_EDIT, lineId);
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

    private Optional<ProductFamilyView> findFamily(UUID id) {
        return jdbc.sql(FAMILY_SELECT + " where f.id = :id")
                .param("id", id)
                .query(JdbcCatalog::family)
                .optional();
    }

    private Optional<ProductRow> findProduct(UUID id) {
        return jdbc.sql(PRODUCT_SELECT + " where p.id = :id")
                .param("id", id)
                .query(JdbcCatalog::productRow)
                .optional();
    }

    private Optional<ProductVersionView> findVersion(UUID id) {
        return jdbc.sql(VERSION_SELECT + " where v.id = :id")
                .param("id", id)
                .query(JdbcCatalog::version)
                .optional();
    }

    private List<ProductView> withLines(List<ProductRow> rows) {
        Map<UUID, ProductionLineView> lines = organisation.linesById(
                rows.stream().map(ProductRow::lineId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    ProductionLineView line = lines.get(r.lineId());
                    return new ProductView(
                            r.id(),
                            r.code(),
                            r.name(),
                            r.description(),
                            r.lineId(),
                            line == null ? "" : line.code(),
                            line == null ? "" : line.label(),
                            r.familyId(),
                            r.familyCode(),
                            r.familyName(),
                            r.versionCount(),
                            r.createdAt(),
                            r.updatedAt());
                })
                .toList();
    }

    private record ProductRow(
            UUID id,
            String code,
            String name,
            String description,
            UUID lineId,
            @Nullable UUID familyId,
            @Nullable String familyCode,
            @Nullable String familyName,
            int versionCount,
            java.time.Instant createdAt,
            java.time.Instant updatedAt) {}

    private static ProductRow productRow(ResultSet rs, int row) throws SQLException {
        return new ProductRow(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("line_id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getString("family_code"),
                rs.getString("family_name"),
                rs.getInt("version_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static ProductFamilyView family(ResultSet rs, int row) throws SQLException {
        return new ProductFamilyView(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("product_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static ProductVersionView version(ResultSet rs, int row) throws SQLException {
        return new ProductVersionView(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("product_code"),
                rs.getString("product_name"),
                rs.getObject("line_id", UUID.class),
                rs.getString("version"),
                Lifecycle.valueOf(rs.getString("lifecycle")),
                localDate(rs, "release_date"),
                localDate(rs, "end_of_support_date"),
                rs.getString("cpe"),
                rs.getString("purl"),
                strings(rs.getArray("model_numbers")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) return List.of();
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    static @Nullable String nullIfEmpty(@Nullable String value) {
        return value == null ? null : emptyToNull(value);
    }
}
