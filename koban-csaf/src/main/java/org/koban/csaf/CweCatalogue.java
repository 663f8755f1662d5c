package org.koban.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The MITRE CWE catalogue for test 6.1.11. Only weaknesses count: a CSAF {@code cwe} names "the weakness
 * associated", and categories and views are not weaknesses (the reference validator agrees). Loaded once.
 */
final class CweCatalogue {
    private final Map<String, String> weaknessNames = new HashMap<>();
    private final Map<String, String> otherKinds = new HashMap<>();

    CweCatalogue() {
        try (InputStream in = CweCatalogue.class.getResourceAsStream("cwe/cwe.json")) {
            for (JsonNode entry : CsafJson.readTree(in.readAllBytes())) {
                String id = entry.path("id").asString();
                String kind = entry.path("kind").asString();
                if (kind.equals("weakness")) {
                    weaknessNames.put(id, entry.path("name").asString());
                } else {
                    otherKinds.put(id, kind);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weakness's exact name, or null if the id is no weakness of the catalogue. */
    String weaknessName(String id) {
        return weaknessNames.get(id);
    }

    /** "category" or "view" if the id names one of those instead of a weakness. */
    String otherKind(String id) {
        return otherKinds.get(id);
    }
}
