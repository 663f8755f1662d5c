package org.koban.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Loads the CSAF schema and the FIRST CVSS schemas from the classpath (never the network) and compiles them. */
final class SchemaCheck {
    static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static final String FIRST = "https://www.first.org/cvss/";

    private final CompiledSchema compiled;

    SchemaCheck() {
        Map<String, JsonNode> documents = new HashMap<>();
        documents.put(CSAF_ID, resource("csaf_json_schema.json"));
        Map<String, String> cvss = new HashMap<>();
        for (String version : new String[] {"2.0", "3.0", "3.1"}) {
            String id = FIRST + "cvss-v" + version + ".json";
            documents.put(id, resource("cvss-v" + version + ".json"));
            cvss.put(version, id);
        }
        compiled = new CompiledSchema(documents, CSAF_ID, cvss);
    }

    CompiledSchema compiled() {
        return compiled;
    }

    static JsonNode resource(String name) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource schema/" + name);
            }
            return CsafJson.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
