package org.koban.csaf;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSAF 2.0 JSON schema (draft 2020-12) with the FIRST CVSS schemas resolved from the classpath, evaluated by
 * the general-purpose networknt validator: the yardstick {@link CompiledSchema} is compared against.
 */
final class NetworkntSchema {
    static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static final String FIRST = "https://www.first.org/cvss/";
    private static final String[] CVSS = {"cvss-v2.0", "cvss-v3.0", "cvss-v3.1"};

    private final Schema normal;
    private final Schema strict;
    private final Map<String, Schema> cvss = new HashMap<>();

    NetworkntSchema() {
        String csaf = resource("csaf_json_schema.json");
        Map<String, String> normalSchemas = new HashMap<>();
        Map<String, String> strictSchemas = new HashMap<>();
        normalSchemas.put(CSAF_ID, csaf);
        strictSchemas.put(CSAF_ID, strictVersion(csaf));
        for (String name : CVSS) {
            normalSchemas.put(FIRST + name + ".json", resource(name + ".json"));
            strictSchemas.put(FIRST + name + ".json", resource(name + "_strict.json"));
        }
        // CSAF's date-time and uri formats are part of the data type definitions (section 3.1), so they are
        // asserted, not merely annotated as plain draft 2020-12 would do.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry normalRegistry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(normalSchemas).schemaRegistryConfig(config));
        SchemaRegistry strictRegistry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(strictSchemas).schemaRegistryConfig(config));
        normal = normalRegistry.getSchema(SchemaLocation.of(CSAF_ID));
        strict = strictRegistry.getSchema(SchemaLocation.of(CSAF_ID));
        for (String name : CVSS) {
            cvss.put(
                    name.substring("cvss-v".length()),
                    normalRegistry.getSchema(SchemaLocation.of(FIRST + name + ".json")));
        }
    }

    List<Error> validate(JsonNode document) {
        return normal.validate(document);
    }

    List<Error> validateStrict(JsonNode document) {
        return strict.validate(document);
    }

    /** Validates one CVSS object against the FIRST schema of its version (test 6.1.8); null if no such version. */
    List<Error> validateCvss(String version, JsonNode cvssObject) {
        Schema schema = cvss.get(version);
        return schema == null ? null : schema.validate(cvssObject);
    }

    /** The error's instance location as a JSON pointer. */
    static String pointer(Error error) {
        NodePath path = error.getInstanceLocation();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/')
                    .append(String.valueOf(path.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return sb.toString();
    }

    /**
     * Test 6.2.20's "strict" schema: {@code additionalProperties: false} on every object schema that lists
     * {@code properties} and does not say otherwise.
     */
    private static String strictVersion(String schemaText) {
        JsonNode schema = CsafJson.readTree(schemaText.getBytes(StandardCharsets.UTF_8));
        close(schema);
        return schema.toString();
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (JsonNode child : object.values()) {
                close(child);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node.values()) {
                close(child);
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = NetworkntSchema.class.getResourceAsStream("/org/koban/csaf/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource schema/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
