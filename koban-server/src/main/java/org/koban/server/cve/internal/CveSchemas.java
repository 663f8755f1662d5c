package org.koban.server.cve.internal;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The CVE Record Format 5.1.1 schemas bundled in {@code standards/cve-5/} (see the NOTICE there): the CNA
 * container that CVE Services takes, and the whole record. Koban checks every record against them before
 * it sends or offers it; an invalid one is never sent.
 */
final class CveSchemas {

    private static final String CONTAINER = "https://koban.invalid/cve-5/CVE_JSON_cnaPublishedContainer_5.1.1.json";
    private static final String RECORD = "https://cveproject.github.io/cve-schema/schema/CVE_Record_Format.json";

    private final Schema container;
    private final Schema record;

    CveSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7,
                b -> b.schemas(Map.of(
                        CONTAINER, resource("CVE_JSON_cnaPublishedContainer_5.1.1.json"),
                        RECORD, resource("CVE_JSON_bundled_5.1.1.json"))));
        this.container = registry.getSchema(SchemaLocation.of(CONTAINER));
        this.record = registry.getSchema(SchemaLocation.of(RECORD));
    }

    /** What is wrong with a CNA container (the content of {@code cnaContainer}); empty when valid. */
    List<String> containerProblems(JsonNode cnaContainer) {
        return problems(container, cnaContainer);
    }

    /** What is wrong with a whole CVE record; empty when valid. */
    List<String> recordProblems(JsonNode cveRecord) {
        return problems(record, cveRecord);
    }

    private static List<String> problems(Schema schema, JsonNode node) {
        return schema.validate(node).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = CveSchemas.class.getResourceAsStream("/standards/cve-5/" + name)) {
            if (in == null) throw new IllegalStateException("The CVE schema " + name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
