package org.koban.server.catalog.internal;

import static org.koban.server.catalog.internal.CatalogRules.strip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.LineScope;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.catalog.CatalogTransfer;
import org.koban.server.catalog.ImportResult;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Validation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports and exports the catalogue. An import reads the whole file, loads the records it names in a few
 * queries, works out every change and every problem, and only then writes, in batches, in one transaction:
 * a file with one bad row changes nothing. Its audit entry holds the state before and after of every record
 * it changed.
 */
@Service
class JdbcCatalogTransfer implements CatalogTransfer {

    private static final int BATCH = 1000;
    private static final JsonMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final NamedParameterJdbcTemplate jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Organisation organisation;
    private final Clock clock;

    JdbcCatalogTransfer(
            DataSource dataSource, Permissions permissions, AuditLog audit, Organisation organisation, Clock clock) {
        var template = new JdbcTemplate(dataSource);
        // Exports stream: rows come from the server a thousand at a time, not all at once.
        template.setFetchSize(BATCH);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.permissions = permissions;
        this.audit = audit;
        this.organisation = organisation;
        this.clock = clock;
    }

    // The states an import compares and the audit entry records.
    record FamilyState(String code, String name, String description) {}

    record ProductState(
            String code,
            String name,
            String description,
            String line,
            @Nullable String family) {}

    record VersionState(
            String product,
            String version,
            Lifecycle lifecycle,
            @Nullable LocalDate releaseDate,
            @Nullable LocalDate endOfSupportDate,
            @Nullable String cpe,
            @Nullable String purl,
            List<String> modelNumbers) {}

    private record ExistingFamily(UUID id, FamilyState state) {}

    private record ExistingProduct(
            UUID id, UUID lineId, @Nullable UUID familyId, ProductState state) {}

    private record ExistingVersion(UUID id, VersionState state) {}

    /** Every write an import will make, with what the audit entry records. */
    private static final class Plan {
        final List<SqlParameterSource> familyInserts = new ArrayList<>();
        final List<SqlParameterSource> familyUpdates = new ArrayList<>();
        final List<SqlParameterSource> productInserts = new ArrayList<>();
        final List<SqlParameterSource> productUpdates = new ArrayList<>();
        final List<SqlParameterSource> versionInserts = new ArrayList<>();
        final List<SqlParameterSource> versionUpdates = new ArrayList<>();
        final Map<String, List<Object>> before = new LinkedHashMap<>();
        final Map<String, List<Object>> created = new LinkedHashMap<>();
        final Map<String, List<Object>> updated = new LinkedHashMap<>();
        int unchanged;

        void created(String kind, Object state) {
            created.computeIfAbsent(kind, k -> new ArrayList<>()).add(state);
        }

        void updated(String kind, Object before, Object after) {
            this.before.computeIfAbsent(kind, k -> new ArrayList<>()).add(before);
            updated.computeIfAbsent(kind, k -> new ArrayList<>()).add(after);
        }

        ImportResult result(boolean dryRun) {
            return new ImportResult(
                    dryRun,
                    familyInserts.size(),
                    familyUpdates.size(),
                    productInserts.size(),
                    productUpdates.size(),
                    versionInserts.size(),
                    versionUpdates.size(),
                    unchanged);
        }

        boolean changesSomething() {
            return !(familyInserts.isEmpty()
                    && familyUpdates.isEmpty()
                    && productInserts.isEmpty()
                    && productUpdates.isEmpty()
                    && versionInserts.isEmpty()
                    && versionUpdates.isEmpty());
        }
    }

    @Override
    @Transactional
    public ImportResult importDocument(Actor actor, InputStream in, Format format, boolean dryRun) {
        permissions.check(actor, Action.CATALOG_IMPORT);
        ImportDocument doc;
        try {
            var limited = new CatalogInputLimit(in, CatalogInputLimit.MAX_BYTES);
            doc = format == Format.JSON
                    ? new JsonCatalogReader(JSON).read(limited)
                    : new CsvCatalogReader().read(limited);
        } catch (CatalogInputLimit.TooLarge e) {
            throw InvalidInputException.of("file", e.getMessage());
        }
        var v = new Validation();
        v.addAll(doc.problems);
        Plan plan = plan(actor, doc, v);
        v.throwIfInvalid();
        ImportResult result = plan.result(dryRun);
        if (!dryRun && plan.changesSomething()) {
            try {
                write(plan);
            } catch (DuplicateKeyException e) {
                // Another change created one of these records after this import looked: nothing was written.
                throw InvalidInputException.of(
                        "file", "some of its records were created by someone else meanwhile; import the file again");
            }
            var after = new LinkedHashMap<String, Object>();
            after.put("format", format.name());
            after.put("result", result);
            after.put("created", plan.created);
            after.put("updated", plan.updated);
            audit.record(actor, "catalog.imported", "catalog", UUID.randomUUID(), plan.before, after);
        }
        return result;
    }

    private Plan plan(Actor actor, ImportDocument doc, Validation v) {
        var plan = new Plan();
        LineScope scope = permissions.scopeFor(actor, Action.CATALOG_IMPORT);
        boolean manageFamilies =
                permissions.scopeFor(actor, Action.CATALOG_EDIT).all();
        var now = Timestamp.from(clock.instant());

        // Families: those listed (JSON), then those only named by products (CSV creates them by code).
        var familyCodes = new ArrayList<String>();
        doc.families.forEach(f -> familyCodes.add(lower(f.code())));
        doc.products.forEach(p -> {
            if (p.family() != null && !p.family().isBlank()) familyCodes.add(lower(p.family()));
        });
        Map<String, ExistingFamily> existingFamilies = existingFamilies(familyCodes);
        Map<String, UUID> familyIds = new HashMap<>();
        Map<String, String> listedFamilies = new HashMap<>();
        existingFamilies.forEach((code, f) -> familyIds.put(code, f.id()));
        for (ImportDocument.FamilyEntry entry : doc.families) {
            var ev = new Validation(entry.origin().prefix());
            CatalogRules.named(ev, entry.origin().names(), entry.code(), entry.name(), entry.description());
            v.addAll(ev.problems());
            String key = lower(entry.code());
            if (entry.code().isEmpty()) continue;
            String earlier = listedFamilies.putIfAbsent(key, entry.origin().prefix());
            if (earlier != null) {
                v.reject(
                        entry.origin().field("code"),
                        "'" + entry.code() + "' is listed twice (also at " + trim(earlier) + ")");
                continue;
            }
            if (ev.hasProblems()) continue;
            var state = new FamilyState(entry.code(), strip(entry.name()), strip(entry.description()));
            ExistingFamily existing = existingFamilies.get(key);
            if (existing == null) {
                UUID id = UUID.randomUUID();
                familyIds.put(key, id);
                plan.familyInserts.add(params(
                        "id",
                        id,
                        "code",
                        state.code(),
                        "name",
                        state.name(),
                        "description",
                        state.description(),
                        "now",
                        now));
                plan.created("families", state);
            } else {
                var wanted = new FamilyState(existing.state().code(), state.name(), state.description());
                if (wanted.equals(existing.state())) {
                    plan.unchanged++;
                } else if (!manageFamilies) {
                    v.reject(
                            entry.origin().field("name"),
                            "differs from the existing product family '"
                                    + existing.state().code() + "', which only admins and PSIRT managers may change");
                } else {
                    plan.familyUpdates.add(params(
                            "id",
                            existing.id(),
                            "name",
                            wanted.name(),
                            "description",
                            wanted.description(),
                            "now",
                            now));
                    plan.updated("families", existing.state(), wanted);
                }
            }
        }

        // Products.
        var lineCodes = doc.products.stream()
                .map(ImportDocument.ProductEntry::line)
                .filter(l -> l != null && !l.isBlank())
                .map(l -> l.strip())
                .distinct()
                .toList();
        Map<String, ProductionLineView> lines = organisation.linesByCode(lineCodes);
        Map<String, ExistingProduct> existingProducts = existingProducts(doc.products.stream()
                .map(p -> lower(p.code()))
                .filter(c -> !c.isEmpty())
                .toList());
        Map<UUID, Map<String, ExistingVersion>> existingVersions = existingVersions(
                existingProducts.values().stream().map(ExistingProduct::id).toList());
        Map<String, String> listedProducts = new HashMap<>();
        for (ImportDocument.ProductEntry entry : doc.products) {
            var origin = entry.origin();
            var pv = new Validation(origin.prefix());
            CatalogRules.named(pv, origin.names(), entry.code(), entry.name(), entry.description());
            String key = lower(entry.code());
            if (!key.isEmpty()) {
                String earlier = listedProducts.putIfAbsent(key, origin.prefix());
                if (earlier != null) {
                    pv.reject(
                            origin.names().apply("code"),
                            "'" + entry.code() + "' is listed twice (also at " + trim(earlier) + ")");
                }
            }
            ProductionLineView line = null;
            if (entry.line() == null || entry.line().isBlank()) {
                pv.reject(origin.names().apply("line"), "is required (the code of a production line)");
            } else {
                line = lines.get(lower(entry.line()));
                if (line == null || !scope.includes(line.id())) {
                    pv.reject(
                            origin.names().apply("line"),
                            scope.all()
                                    ? "'" + entry.line().strip() + "' is not a known production line"
                                    : "'" + entry.line().strip() + "' is not a production line you may change");
                    line = null;
                }
            }
            UUID familyId = null;
            String familyCode = null;
            if (entry.family() != null && !entry.family().isBlank()) {
                String fk = lower(entry.family());
                familyId = familyIds.get(fk);
                if (familyId == null && doc.familiesByCodeOnly) {
                    var fv = new Validation(origin.prefix());
                    fv.code(origin.names().apply("family"), entry.family().strip());
                    if (fv.hasProblems()) {
                        pv.addAll(fv.problems());
                    } else {
                        familyId = UUID.randomUUID();
                        familyIds.put(fk, familyId);
                        String code = entry.family().strip();
                        plan.familyInserts.add(
                                params("id", familyId, "code", code, "name", code, "description", "", "now", now));
                        plan.created("families", new FamilyState(code, code, ""));
                    }
                } else if (familyId == null) {
                    pv.reject(
                            origin.names().apply("family"),
                            "'" + entry.family().strip() + "' is not a known product family (list it under families)");
                }
                ExistingFamily existingFamily = existingFamilies.get(fk);
                familyCode = existingFamily != null
                        ? existingFamily.state().code()
                        : entry.family().strip();
            }
            ExistingProduct existing = existingProducts.get(key);
            if (existing != null && !scope.includes(existing.lineId())) {
                pv.reject(
                        origin.names().apply("code"),
                        "is already used by a product of a production line you may not change");
                existing = null;
                line = null;
            }
            v.addAll(pv.problems());
            UUID productId = existing != null ? existing.id() : UUID.randomUUID();
            if (!pv.hasProblems() && line != null) {
                var state = new ProductState(
                        existing != null ? existing.state().code() : entry.code(),
                        strip(entry.name()),
                        strip(entry.description()),
                        line.code(),
                        familyCode);
                if (existing == null) {
                    plan.productInserts.add(params(
                            "id",
                            productId,
                            "lineId",
                            line.id(),
                            "familyId",
                            familyId,
                            "code",
                            state.code(),
                            "name",
                            state.name(),
                            "description",
                            state.description(),
                            "now",
                            now));
                    plan.created("products", state);
                } else if (state.equals(existing.state())) {
                    plan.unchanged++;
                } else {
                    plan.productUpdates.add(params(
                            "id",
                            productId,
                            "lineId",
                            line.id(),
                            "familyId",
                            familyId,
                            "name",
                            state.name(),
                            "description",
                            state.description(),
                            "now",
                            now));
                    plan.updated("products", existing.state(), state);
                }
            }
            // Versions, checked even when the product has problems, so that one pass reports everything.
            Map<String, ExistingVersion> versions =
                    existing == null ? Map.of() : existingVersions.getOrDefault(existing.id(), Map.of());
            Map<String, String> listedVersions = new HashMap<>();
            String productCode = existing != null ? existing.state().code() : entry.code();
            for (ImportDocument.VersionEntry ve : entry.versions()) {
                var vv = new Validation(ve.origin().prefix());
                CatalogRules.VersionData data =
                        CatalogRules.version(vv, ve.origin().names(), ve.command());
                if (data != null) {
                    String earlier = listedVersions.putIfAbsent(
                            data.version(), ve.origin().prefix());
                    if (earlier != null) {
                        vv.reject(
                                ve.origin().names().apply("version"),
                                "'" + data.version() + "' of product " + productCode + " is listed twice (also at "
                                        + trim(earlier) + ")");
                    }
                }
                v.addAll(vv.problems());
                if (vv.hasProblems() || data == null || pv.hasProblems() || line == null) continue;
                var state = new VersionState(
                        productCode,
                        data.version(),
                        data.lifecycle(),
                        data.releaseDate(),
                        data.endOfSupportDate(),
                        data.cpe(),
                        data.purl(),
                        data.modelNumbers());
                ExistingVersion current = versions.get(data.version());
                if (current == null) {
                    var p = versionParams(UUID.randomUUID(), data, now);
                    p.addValue("productId", productId);
                    plan.versionInserts.add(p);
                    plan.created("versions", state);
                } else if (state.equals(current.state())) {
                    plan.unchanged++;
                } else {
                    plan.versionUpdates.add(versionParams(current.id(), data, now));
                    plan.updated("versions", current.state(), state);
                }
            }
        }
        return plan;
    }

    private void write(Plan plan) {
        batch(
                "insert into product_family (id, code, name, description, created_at, updated_at)"
                        + " values (:id, :code, :name, :description, :now, :now)",
                plan.familyInserts);
        batch(
                "update product_family set name = :name, description = :description, updated_at = :now where id = :id",
                plan.familyUpdates);
        batch(
                "insert into product (id, line_id, family_id, code, name, description, created_at, updated_at)"
                        + " values (:id, :lineId, :familyId, :code, :name, :description, :now, :now)",
                plan.productInserts);
        batch(
                "update product set line_id = :lineId, family_id = :familyId, name = :name, description = :description,"
                        + " updated_at = :now where id = :id",
                plan.productUpdates);
        batch(
                "insert into product_version (id, product_id, version, lifecycle, release_date, end_of_support_date,"
                        + " cpe, purl, model_numbers, created_at, updated_at) values (:id, :productId, :version, :lifecycle,"
                        + " :releaseDate, :endOfSupportDate, :cpe, :purl, :modelNumbers, :now, :now)",
                plan.versionInserts);
        batch(
                "update product_version set lifecycle = :lifecycle, release_date = :releaseDate,"
                        + " end_of_support_date = :endOfSupportDate, cpe = :cpe, purl = :purl, model_numbers = :modelNumbers,"
                        + " updated_at = :now where id = :id",
                plan.versionUpdates);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.batchUpdate(sql, chunk.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource versionParams(UUID id, CatalogRules.VersionData d, Timestamp now) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("version", d.version())
                .addValue("lifecycle", d.lifecycle().name())
                .addValue("releaseDate", d.releaseDate() == null ? null : Date.valueOf(d.releaseDate()), Types.DATE)
                .addValue(
                        "endOfSupportDate",
                        d.endOfSupportDate() == null ? null : Date.valueOf(d.endOfSupportDate()),
                        Types.DATE)
                .addValue("cpe", d.cpe(), Types.VARCHAR)
                .addValue("purl", d.purl(), Types.VARCHAR)
                .addValue("modelNumbers", d.modelNumbers().toArray(String[]::new))
                .addValue("now", now);
    }

    /** Parameters with explicit types for values that may be null, so no batch asks the driver for them. */
    private static MapSqlParameterSource params(Object... namesAndValues) {
        var params = new MapSqlParameterSource();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null) {
                params.addValue((String) namesAndValues[i], null, Types.OTHER);
            } else {
                params.addValue((String) namesAndValues[i], value);
            }
        }
        return params;
    }

    private Map<String, ExistingFamily> existingFamilies(List<String> lowerCodes) {
        var result = new HashMap<String, ExistingFamily>();
        if (lowerCodes.isEmpty()) return result;
        jdbc.query(
                "select id, code, name, description from product_family where lower(code) = any(:codes)",
                Map.of("codes", lowerCodes.stream().distinct().toArray(String[]::new)),
                (ResultSet rs) -> {
                    var state =
                            new FamilyState(rs.getString("code"), rs.getString("name"), rs.getString("description"));
                    result.put(lower(state.code()), new ExistingFamily(rs.getObject("id", UUID.class), state));
                });
        return result;
    }

    private Map<String, ExistingProduct> existingProducts(List<String> lowerCodes) {
        var rows = new ArrayList<Object[]>();
        if (lowerCodes.isEmpty()) return Map.of();
        jdbc.query(
                "select p.id, p.code, p.name, p.description, p.line_id, p.family_id, f.code as family_code"
                        + " from product p left join product_family f on f.id = p.family_id"
                        + " where lower(p.code) = any(:codes)",
                Map.of("codes", lowerCodes.stream().distinct().toArray(String[]::new)),
                (ResultSet rs) -> {
                    rows.add(new Object[] {
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getObject("line_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getString("family_code")
                    });
                });
        Map<UUID, ProductionLineView> lines = organisation.linesById(
                rows.stream().map(r -> (UUID) r[4]).distinct().toList());
        var result = new HashMap<String, ExistingProduct>();
        for (Object[] r : rows) {
            ProductionLineView line = Objects.requireNonNull(lines.get((UUID) r[4]));
            var state = new ProductState((String) r[1], (String) r[2], (String) r[3], line.code(), (String) r[6]);
            result.put(lower(state.code()), new ExistingProduct((UUID) r[0], (UUID) r[4], (UUID) r[5], state));
        }
        return result;
    }

    private Map<UUID, Map<String, ExistingVersion>> existingVersions(List<UUID> productIds) {
        var result = new HashMap<UUID, Map<String, ExistingVersion>>();
        if (productIds.isEmpty()) return result;
        jdbc.query(
                "select v.*, p.code as product_code from product_version v join product p on p.id = v.product_id"
                        + " where v.product_id = any(:ids)",
                Map.of("ids", productIds.toArray(UUID[]::new)),
                (ResultSet rs) -> {
                    var state = versionState(rs);
                    result.computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new HashMap<>())
                            .put(state.version(), new ExistingVersion(rs.getObject("id", UUID.class), state));
                });
        return result;
    }

    private static VersionState versionState(ResultSet rs) throws SQLException {
        return new VersionState(
                rs.getString("product_code"),
                rs.getString("version"),
                Lifecycle.valueOf(rs.getString("lifecycle")),
                JdbcCatalog.localDate(rs, "release_date"),
                JdbcCatalog.localDate(rs, "end_of_support_date"),
                rs.getString("cpe"),
                rs.getString("purl"),
                JdbcCatalog.strings(rs.getArray("model_numbers")));
    }

    private static String lower(@Nullable String code) {
        return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    }

    private static String trim(String prefix) {
        String p = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.endsWith(", column ") ? p.substring(0, p.length() - ", column ".length()) : p;
    }

    // ---- export

    @Override
    @Transactional(readOnly = true)
    public void export(Actor actor, Format format, OutputStream out) {
        permissions.check(actor, Action.CATALOG_EXPORT);
        LineScope scope = permissions.scopeFor(actor, Action.CATALOG_EXPORT);
        var params = new MapSqlParameterSource()
                .addValue("scopeAll", scope.allParameter())
                .addValue("scopeLines", scope.linesParameter());
        Map<UUID, ProductionLineView> lines = organisation.linesById(jdbc.queryForList(
                "select distinct line_id from product p where " + LineScope.sqlPredicate("p.line_id"),
                params,
                UUID.class));
        String sql = """
                select p.id as pid, p.code as product_code, p.name, p.description, p.line_id, f.code as family_code,
                       v.id as vid, v.version, v.lifecycle, v.release_date, v.end_of_support_date, v.cpe, v.purl,
                       v.model_numbers
                from product p left join product_family f on f.id = p.family_id
                     left join product_version v on v.product_id = p.id
                where %s
                order by lower(p.code), p.id, v.release_date nulls last, v.version
                """.formatted(LineScope.sqlPredicate("p.line_id"));
        try {
            if (format == Format.JSON) {
                exportJson(params, lines, sql, out);
            } else {
                exportCsv(params, lines, sql, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exportJson(
            MapSqlParameterSource params, Map<UUID, ProductionLineView> lines, String sql, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("format", JsonCatalogReader.FORMAT);
            g.writeNumberProperty("formatVersion", JsonCatalogReader.FORMAT_VERSION);
            g.writeArrayPropertyStart("families");
            // Line-scoped people see the families their products belong to, organisation-wide roles all of them.
            jdbc.query(
                    "select f.code, f.name, f.description from product_family f where :scopeAll or exists"
                            + " (select 1 from product p where p.family_id = f.id and p.line_id = any(:scopeLines))"
                            + " order by lower(f.code)",
                    params,
                    (ResultSet rs) -> {
                        g.writeStartObject();
                        g.writeStringProperty("code", rs.getString("code"));
                        g.writeStringProperty("name", rs.getString("name"));
                        g.writeStringProperty("description", rs.getString("description"));
                        g.writeEndObject();
                    });
            g.writeEndArray();
            g.writeArrayPropertyStart("products");
            var current = new UUID[1];
            jdbc.query(sql, params, (ResultSet rs) -> {
                UUID pid = rs.getObject("pid", UUID.class);
                if (!pid.equals(current[0])) {
                    if (current[0] != null) {
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    current[0] = pid;
                    g.writeStartObject();
                    g.writeStringProperty("code", rs.getString("product_code"));
                    g.writeStringProperty("name", rs.getString("name"));
                    g.writeStringProperty(
                            "line",
                            lines.get(rs.getObject("line_id", UUID.class)).code());
                    g.writeStringProperty("family", rs.getString("family_code"));
                    g.writeStringProperty("description", rs.getString("description"));
                    g.writeArrayPropertyStart("versions");
                }
                if (rs.getObject("vid") != null) {
                    VersionState v = versionState(rs);
                    g.writeStartObject();
                    g.writeStringProperty("version", v.version());
                    g.writeStringProperty(
                            "releaseDate",
                            v.releaseDate() == null ? null : v.releaseDate().toString());
                    g.writeStringProperty("lifecycle", v.lifecycle().name());
                    g.writeStringProperty(
                            "endOfSupportDate",
                            v.endOfSupportDate() == null
                                    ? null
                                    : v.endOfSupportDate().toString());
                    g.writeStringProperty("cpe", v.cpe());
                    g.writeStringProperty("purl", v.purl());
                    g.writeArrayPropertyStart("modelNumbers");
                    for (String m : v.modelNumbers()) g.writeString(m);
                    g.writeEndArray();
                    g.writeEndObject();
                }
            });
            if (current[0] != null) {
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        }
    }

    private static void printCells(CSVPrinter printer, String... cells) throws IOException {
        printer.printRecord(
                java.util.Arrays.stream(cells).map(CsvCells::neutralise).toList());
    }

    private void exportCsv(
            MapSqlParameterSource params, Map<UUID, ProductionLineView> lines, String sql, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(CsvCatalogReader.HEADER);
        jdbc.query(sql, params, (ResultSet rs) -> {
            boolean hasVersion = rs.getObject("vid") != null;
            VersionState v = hasVersion ? versionState(rs) : null;
            try {
                printCells(
                        printer,
                        rs.getString("product_code"),
                        rs.getString("name"),
                        lines.get(rs.getObject("line_id", UUID.class)).code(),
                        Objects.requireNonNullElse(rs.getString("family_code"), ""),
                        rs.getString("description"),
                        v == null ? "" : v.version(),
                        v == null || v.releaseDate() == null
                                ? ""
                                : v.releaseDate().toString(),
                        v == null ? "" : v.lifecycle().name(),
                        v == null || v.endOfSupportDate() == null
                                ? ""
                                : v.endOfSupportDate().toString(),
                        v == null ? "" : Objects.requireNonNullElse(v.cpe(), ""),
                        v == null ? "" : Objects.requireNonNullElse(v.purl(), ""),
                        v == null ? "" : String.join(";", v.modelNumbers()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }
}
