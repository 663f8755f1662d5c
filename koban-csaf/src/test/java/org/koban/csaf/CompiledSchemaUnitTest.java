package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The compiled schema gives the same verdicts as the general networknt validator (normal and strict schema) on
 * every official test document, every example, and 200 mutations of each example.
 */
class CompiledSchemaUnitTest {

    static List<Path> officialDocuments() throws IOException {
        List<Path> all = new ArrayList<>(TestData.csafExamples());
        try (Stream<Path> files = Files.walk(TestData.validatorData())) {
            files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("testcases.json"))
                    .sorted()
                    .forEach(all::add);
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("officialDocuments")
    void compiledSchemaAgreesWithGeneralValidatorOnOfficialData(Path file) throws IOException {
        JsonNode document = CsafJson.readTree(Files.readAllBytes(file));
        assertThat(SchemaEquivalence.compiled(document)).isEqualTo(SchemaEquivalence.general(document));
    }

    static List<Path> examples() {
        return TestData.csafExamples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void compiledSchemaAgreesWithGeneralValidatorOnMutatedDocuments(Path file) throws IOException {
        JsonNode document = CsafJson.readTree(Files.readAllBytes(file));
        // A fixed seed per file keeps failures reproducible.
        Random random = new Random(file.getFileName().toString().hashCode());
        int invalid = 0;
        for (int i = 0; i < 200; i++) {
            JsonNode mutated = SchemaEquivalence.mutate(document, random);
            boolean[] general = SchemaEquivalence.general(mutated);
            assertThat(SchemaEquivalence.compiled(mutated))
                    .as(mutated::toString)
                    .isEqualTo(general);
            invalid += general[0] ? 0 : 1;
        }
        // The mutations must exercise the schema, not only produce valid documents.
        assertThat(invalid).isGreaterThan(20);
    }

    @Test
    void theTypeCheckByKindsEqualsTheTypeKeywordsDefinitionForEveryCombinationOfTypes() {
        List<JsonValue> samples = List.of(
                JsonValue.string("x"),
                JsonValue.object(new String[0], new JsonValue[0]),
                JsonValue.array(new JsonValue[0]),
                JsonValue.integer(3, "3"),
                JsonValue.decimal(new BigDecimal("1.0")),
                JsonValue.decimal(new BigDecimal("1.5")),
                JsonValue.decimal(new BigDecimal("2E+1")),
                JsonValue.TRUE,
                JsonValue.NULL_VALUE);
        int all = CompiledSchema.STRING
                | CompiledSchema.OBJECT
                | CompiledSchema.ARRAY
                | CompiledSchema.NUMBER
                | CompiledSchema.INTEGER
                | CompiledSchema.BOOLEAN
                | CompiledSchema.NULL;
        int compared = 0;
        for (int types = 1; types <= all; types++) {
            int kinds = CompiledSchema.Node.kindsOf(types);
            for (JsonValue v : samples) {
                assertThat(CompiledSchema.Node.admits(types, kinds, v))
                        .as("types %s, value %s", types, v)
                        .isEqualTo(CompiledSchema.Node.admitsByDefinition(types, v));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(127 * samples.size());
    }

    @Test
    void enumStringsAreFoundThroughTheirSlotsExactlyAsByAScan() {
        List<List<String>> enums = new ArrayList<>();
        for (String name : List.of(
                "csaf_json_schema.json",
                "cvss-v2.0.json",
                "cvss-v3.0.json",
                "cvss-v3.1.json",
                "cvss-v2.0_strict.json",
                "cvss-v3.1_strict.json")) {
            for (JsonNode e : SchemaCheck.resource(name).findValues("enum")) {
                List<String> strings = new ArrayList<>();
                e.forEach(x -> strings.add(x.asString()));
                enums.add(strings);
            }
        }
        assertThat(enums).hasSizeGreaterThan(50);
        Random random = new Random(7);
        int found = 0;
        for (List<String> e : enums) {
            String[] strings = e.toArray(String[]::new);
            byte[] slots = CompiledSchema.enumSlots(strings);
            List<String> probes = new ArrayList<>(List.of("", "x", "NONE", "product_version_range"));
            for (String value : e) {
                probes.add(value);
                probes.add(value.toUpperCase(java.util.Locale.ROOT));
                probes.add(value + " ");
                probes.add(value.substring(1));
                for (int i = 0; i < 8 && !value.isEmpty(); i++) {
                    char[] c = value.toCharArray();
                    c[random.nextInt(c.length)] = (char) ('A' + random.nextInt(58));
                    probes.add(new String(c));
                }
            }
            for (List<String> other : enums) {
                probes.addAll(other);
            }
            for (String probe : probes) {
                boolean expected = e.contains(probe);
                found += expected ? 1 : 0;
                assertThat(CompiledSchema.containsString(strings, slots, probe))
                        .as("%s in %s", probe, e)
                        .isEqualTo(expected);
            }
        }
        assertThat(found).isGreaterThan(1_000);
    }
}
