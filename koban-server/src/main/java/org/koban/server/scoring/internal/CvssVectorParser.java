package org.koban.server.scoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CvssVersion;
import org.koban.server.shared.Validation;

/**
 * Reads a vector string strictly and collects every problem: prefix, length, syntax, unknown metric or
 * value, duplicated metric, missing base metric. Values are case-sensitive, as in the specifications.
 */
final class CvssVectorParser {

    static final String FIELD = "vector";

    /** A vector that passed every check, with its metrics in FIRST's order and {@code X} values dropped. */
    record ParsedVector(CvssMetrics metrics, Map<String, String> values) {

        String normalised() {
            var text = new StringBuilder(metrics.version().prefix().length() + 64);
            text.append("CVSS:").append(metrics.version().label());
            values.forEach(
                    (key, value) -> text.append('/').append(key).append(':').append(value));
            return text.toString();
        }

        boolean hasAny(CvssMetrics.Group group) {
            return values.keySet().stream()
                    .anyMatch(key -> metrics.metrics().get(key).group() == group);
        }
    }

    private CvssVectorParser() {}

    static ParsedVector parse(@Nullable String input) {
        var validation = new Validation();
        if (input == null || input.isBlank()) {
            validation.reject(FIELD, "is required").throwIfInvalid();
        }
        String vector = input.strip();
        if (vector.length() > Cvss.MAX_VECTOR_LENGTH) {
            validation
                    .reject(
                            FIELD,
                            "must be at most " + Cvss.MAX_VECTOR_LENGTH + " characters (it has " + vector.length()
                                    + ")")
                    .throwIfInvalid();
        }
        CvssVersion version = version(vector, validation);
        validation.throwIfInvalid();

        CvssMetrics definitions = CvssMetrics.of(Objects.requireNonNull(version));
        String body = vector.substring(version.prefix().length());
        Map<String, String> given = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (String part : body.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon != part.lastIndexOf(':') || colon == part.length() - 1) {
                validation.reject(FIELD, "'" + shown(part) + "' is not a metric written as KEY:VALUE");
                continue;
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            CvssMetrics.Metric metric = definitions.metrics().get(key);
            if (metric == null) {
                validation.reject(FIELD, "'" + shown(key) + "' is not a CVSS " + version.label() + " metric");
                continue;
            }
            if (!metric.values().contains(value)) {
                validation.reject(
                        FIELD,
                        "'" + shown(value) + "' is not a value of metric " + key + " (allowed: "
                                + String.join(", ", metric.values()) + ")");
                continue;
            }
            if (given.putIfAbsent(key, value) != null && !duplicated.contains(key)) {
                duplicated.add(key);
                validation.reject(FIELD, "metric " + key + " is given more than once");
            }
        }
        List<String> missing = definitions.metrics().values().stream()
                .filter(m -> m.group() == CvssMetrics.Group.BASE)
                .map(CvssMetrics.Metric::key)
                .filter(key -> !given.containsKey(key))
                .toList();
        if (!missing.isEmpty()) {
            validation.reject(
                    FIELD, "misses the base metric" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        validation.throwIfInvalid();

        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : definitions.metrics().keySet()) {
            String value = given.get(key);
            if (value != null && !value.equals("X")) ordered.put(key, value);
        }
        return new ParsedVector(definitions, ordered);
    }

    private static @Nullable CvssVersion version(String vector, Validation validation) {
        for (CvssVersion version : CvssVersion.values()) {
            if (vector.startsWith(version.prefix())) return version;
        }
        if (vector.startsWith("CVSS:3.0/")) {
            validation.reject(FIELD, "CVSS v3.0 is not supported: score the vulnerability as CVSS:3.1/...");
        } else if (vector.startsWith("CVSS:")) {
            validation.reject(FIELD, "must start with CVSS:3.1/ or CVSS:4.0/ (other versions are not supported)");
        } else if (vector.startsWith("(AV:") || vector.startsWith("AV:")) {
            validation.reject(
                    FIELD,
                    "must start with CVSS:3.1/ or CVSS:4.0/ (CVSS v2 and vectors without prefix are not supported)");
        } else {
            validation.reject(FIELD, "must start with CVSS:3.1/ or CVSS:4.0/");
        }
        return null;
    }

    /** Echoes a piece of the input in a message, short and without control characters. */
    private static String shown(String text) {
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
    }
}
