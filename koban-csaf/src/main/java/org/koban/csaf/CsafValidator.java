package org.koban.csaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koban.csaf.model.CsafDocument;
import tools.jackson.databind.JsonNode;

/**
 * Validates CSAF 2.0 documents: the JSON schema (normal, and strict on request), all mandatory tests (6.1) as
 * errors, optional tests (6.2) as warnings and informative tests (6.3) as information. Tests that need the
 * network (6.3.6, 6.3.7) or a spell checker (6.3.8) are reported as skipped.
 *
 * <p>Thread-safe: the schemas and catalogues are loaded once, on first use, and only read afterwards.
 */
public final class CsafValidator {
    /** Tests this validator does not run, with the reason. */
    public static final List<String> SKIPPED = List.of("6.3.6", "6.3.7", "6.3.8");

    /**
     * Validation options.
     *
     * @param strict a strict-schema failure (unknown properties) makes the document invalid
     * @param mandatoryOnly run only the schema and the mandatory tests (the optional and informative tests do not
     *     affect validity; skipping them is faster)
     */
    public record Options(boolean strict, boolean mandatoryOnly) {
        public static final Options DEFAULT = new Options(false, false);
        public static final Options STRICT = new Options(true, false);
        public static final Options MANDATORY_ONLY = new Options(false, true);
    }

    private static final class Loaded {
        static final SchemaCheck SCHEMA = new SchemaCheck();
        static final DocumentChecks.Catalogues CATALOGUES =
                new DocumentChecks.Catalogues(new CweCatalogue(), new LanguageTags());
    }

    private CsafValidator() {}

    /** Loads the schemas and catalogues now rather than on the first document (useful before timing). */
    public static void warmUp() {
        validate("{}".getBytes(StandardCharsets.UTF_8));
    }

    public static ValidationResult validate(byte[] json) {
        return validate(json, Options.DEFAULT);
    }

    /** Validates JSON text; text that is not JSON gives the single finding {@code json}, never an exception. */
    public static ValidationResult validate(byte[] json, Options options) {
        JsonValue tree;
        try {
            tree = parse(json);
        } catch (RuntimeException e) {
            return new ValidationResult(
                    false, List.of(new Finding("json", Finding.Severity.ERROR, "", e.getMessage())), List.of());
        }
        return validate(tree, options);
    }

    /**
     * Whether {@code json} is one JSON value, read exactly as {@link #validate} reads it (otherwise validation
     * reports the finding {@code json}). Also the parsing floor under the validator's speed in {@code bench}.
     */
    public static boolean isJson(byte[] json) {
        try {
            return parse(json) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The tree of {@code json}, null for empty input; throws for text that is not JSON. */
    private static JsonValue parse(byte[] json) {
        JsonValue tree = JsonReader.parse(json);
        // Input the fast reader declines (unusual or malformed): Jackson parses it, with its own messages.
        return tree != null ? tree : JsonValue.of(CsafJson.readTree(json));
    }

    public static ValidationResult validate(String json, Options options) {
        return validate(json.getBytes(StandardCharsets.UTF_8), options);
    }

    public static ValidationResult validate(Path file, Options options) throws IOException {
        return validate(Files.readAllBytes(file), options);
    }

    public static ValidationResult validate(CsafDocument document, Options options) {
        return validate(CsafJson.toTree(document), options);
    }

    /** Validates a parsed tree. The tree must not be modified while this runs. */
    public static ValidationResult validate(JsonNode tree, Options options) {
        return validate(JsonValue.of(tree), options);
    }

    private static ValidationResult validate(JsonValue tree, Options options) {
        List<Finding> findings = new ArrayList<>();
        if (tree == null) {
            findings.add(new Finding("json", Finding.Severity.ERROR, "", "The input is empty"));
            return new ValidationResult(false, findings, List.of());
        }
        SchemaCheck schema = Loaded.SCHEMA;
        List<Finding> additional = new ArrayList<>();
        // CVSS objects the schema pass found free of errors against their FIRST schema: test 6.1.8 need not
        // validate them again.
        Map<JsonValue, Set<String>> cleanCvss = new IdentityHashMap<>();
        boolean strict = options.strict();
        // Most documents pass: a walk that only answers yes or no comes first, the reporting walk only after a no.
        if (!schema.compiled().passes(tree, cleanCvss)) {
            reportSchema(schema.compiled(), tree, strict, findings, additional, cleanCvss);
        }
        if (strict) {
            // The strict schema also fails wherever the normal one does.
            if (additional.isEmpty() && !findings.isEmpty()) {
                findings.add(new Finding(
                        "schema-strict", Finding.Severity.ERROR, "", "The document fails the strict schema too"));
            }
            findings.addAll(additional);
        }
        boolean object = tree.isObject();
        DocumentChecks checks = object ? new DocumentChecks(tree, Loaded.CATALOGUES, findings) : null;
        if (object) {
            checks.runMandatory(schema, cleanCvss);
        }
        boolean valid = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
        if (object && !options.mandatoryOnly()) {
            checks.runOptional();
            if (!strict) {
                findings.addAll(additional);
            }
            checks.runInformative();
        }
        return new ValidationResult(valid, findings, SKIPPED);
    }

    private static void reportSchema(
            CompiledSchema schema,
            JsonValue tree,
            boolean strict,
            List<Finding> findings,
            List<Finding> additional,
            Map<JsonValue, Set<String>> cleanCvss) {
        schema.validate(tree, new CompiledSchema.Sink() {
            @Override
            public void error(CompiledSchema.Path path, String message) {
                findings.add(new Finding("schema", Finding.Severity.ERROR, path.toString(), message));
            }

            @Override
            public void additional(CompiledSchema.Path path, String property) {
                additional.add(new Finding(
                        strict ? "schema-strict" : "6.2.20",
                        strict ? Finding.Severity.ERROR : Finding.Severity.WARNING,
                        path.toString(),
                        "property '" + property + "' is not defined in the CSAF schema"));
            }

            @Override
            public void clean(String name, JsonValue value) {
                cleanCvss.computeIfAbsent(value, v -> new HashSet<>(2)).add(name);
            }
        });
    }
}
