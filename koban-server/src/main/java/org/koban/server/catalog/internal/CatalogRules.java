package org.koban.server.catalog.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.shared.Validation;

/**
 * The rules of catalogue records, shared by the forms, the API and imports, so that all three accept and
 * refuse the same things with the same messages. {@code names} turns a field name of the commands into the
 * name the caller knows (a CSV column, for example).
 */
final class CatalogRules {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_VERSION = 100;
    static final int MAX_MODEL_NUMBER = 100;
    static final int MAX_MODEL_NUMBERS = 100;

    private CatalogRules() {}

    /** A version's fields, checked and normalised. */
    record VersionData(
            String version,
            Lifecycle lifecycle,
            @Nullable LocalDate releaseDate,
            @Nullable LocalDate endOfSupportDate,
            @Nullable String cpe,
            @Nullable String purl,
            List<String> modelNumbers) {}

    static @Nullable VersionData version(Validation v, UnaryOperator<String> names, ProductVersionCommand c) {
        int before = v.problems().size();
        String version = strip(c.version());
        if (version.isEmpty()) {
            v.reject(names.apply("version"), "is required");
        } else {
            v.optional(names.apply("version"), version, MAX_VERSION);
        }
        Lifecycle lifecycle = lifecycle(v, names.apply("lifecycle"), c.lifecycle());
        LocalDate release = date(v, names.apply("releaseDate"), c.releaseDate());
        LocalDate end = date(v, names.apply("endOfSupportDate"), c.endOfSupportDate());
        if (lifecycle == Lifecycle.ON_MARKET && release == null && blank(c.releaseDate())) {
            v.reject(names.apply("releaseDate"), "is required for a version on the market");
        }
        if (lifecycle == Lifecycle.END_OF_SUPPORT && end == null && blank(c.endOfSupportDate())) {
            v.reject(names.apply("endOfSupportDate"), "is required for a version at end of support");
        }
        if (lifecycle == Lifecycle.IN_DEVELOPMENT && end != null) {
            v.reject(names.apply("endOfSupportDate"), "must be empty while the version is in development");
        }
        if (release != null && end != null && end.isBefore(release)) {
            v.reject(names.apply("endOfSupportDate"), "must not be before the release date (" + release + ")");
        }
        String cpe = emptyToNull(strip(c.cpe()));
        if (cpe != null) {
            String problem = Cpe23.problem(cpe);
            if (problem != null) v.reject(names.apply("cpe"), problem);
        }
        String purl = emptyToNull(strip(c.purl()));
        if (purl != null) {
            String problem = Purls.problem(purl);
            if (problem != null) v.reject(names.apply("purl"), problem);
        }
        List<String> models = modelNumbers(v, names.apply("modelNumbers"), c.modelNumbers());
        if (v.problems().size() > before || lifecycle == null) return null;
        return new VersionData(version, lifecycle, release, end, cpe, purl, models);
    }

    static @Nullable Lifecycle lifecycle(Validation v, String field, @Nullable String value) {
        if (blank(value)) {
            v.reject(field, "is required (IN_DEVELOPMENT, ON_MARKET or END_OF_SUPPORT)");
            return null;
        }
        String normalised =
                value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Lifecycle.valueOf(normalised);
        } catch (IllegalArgumentException e) {
            v.reject(field, "must be IN_DEVELOPMENT, ON_MARKET or END_OF_SUPPORT (it is '" + value.strip() + "')");
            return null;
        }
    }

    static @Nullable LocalDate date(Validation v, String field, @Nullable String value) {
        if (blank(value)) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.reject(field, "must be a date written yyyy-MM-dd (it is '" + value.strip() + "')");
            return null;
        }
    }

    static List<String> modelNumbers(Validation v, String field, @Nullable List<String> values) {
        if (values == null) return List.of();
        var result = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            String model = strip(values.get(i));
            if (model.isEmpty()) continue;
            String where = field + "[" + i + "]";
            v.optional(where, model, MAX_MODEL_NUMBER);
            // ';' separates model numbers in CSV files, so it cannot be part of one.
            if (model.indexOf(';') >= 0) v.reject(where, "must not contain ';'");
            if (!seen.add(model)) v.reject(where, "'" + model + "' is listed twice");
            result.add(model);
        }
        if (result.size() > MAX_MODEL_NUMBERS)
            v.reject(field, "must list at most " + MAX_MODEL_NUMBERS + " model numbers");
        return List.copyOf(result);
    }

    /** Code, name and description of a product or family. */
    static void named(
            Validation v,
            UnaryOperator<String> names,
            @Nullable String code,
            @Nullable String name,
            @Nullable String description) {
        v.code(names.apply("code"), code);
        v.required(names.apply("name"), name == null ? null : name.strip(), MAX_NAME);
        v.optional(names.apply("description"), description, MAX_DESCRIPTION);
    }

    static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
