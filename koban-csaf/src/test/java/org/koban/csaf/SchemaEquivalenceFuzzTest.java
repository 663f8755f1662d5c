package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import tools.jackson.databind.JsonNode;

/** Fuzzed JSON gets the same normal and strict schema verdicts from the compiled schema as from networknt. */
class SchemaEquivalenceFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void compiledSchemaAgreesWithGeneralValidator(byte @NotNull [] input) {
        JsonNode document;
        try {
            document = CsafJson.readTree(input);
        } catch (CsafJson.CsafReadException notJson) {
            return; // only JSON reaches a schema
        }
        if (document == null || document.isMissingNode()) {
            return;
        }
        assertThat(SchemaEquivalence.compiled(document)).isEqualTo(SchemaEquivalence.general(document));
    }
}
