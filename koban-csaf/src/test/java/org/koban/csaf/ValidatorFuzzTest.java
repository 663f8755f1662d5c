package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;

/**
 * No input makes the reader or the validator throw or hang: malformed input is reported. Without
 * {@code JAZZER_FUZZ=1} these run the seed corpus (regression mode); with it, Jazzer fuzzes for the duration.
 */
class ValidatorFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void validatorReportsInsteadOfThrowing(byte @NotNull [] input) {
        ValidationResult result = CsafValidator.validate(input, CsafValidator.Options.STRICT);
        if (!result.valid()) {
            assertThat(result.failedTests()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void validatorHandlesStructuredDocuments(@NotNull String json) {
        // Wrapping the fuzzer's text into a CSAF skeleton reaches the tests behind the schema more often.
        String document = "{\"document\":{\"category\":\"csaf_vex\",\"csaf_version\":\"2.0\",\"tracking\":" + json
                + "},\"vulnerabilities\":[" + json + "],\"product_tree\":" + json + "}";
        CsafValidator.validate(document.getBytes(StandardCharsets.UTF_8), CsafValidator.Options.DEFAULT);
    }

    @FuzzTest(maxDuration = "30s")
    void readerThrowsOnlyItsOwnException(byte @NotNull [] input) {
        try {
            CsafJson.read(input);
        } catch (CsafJson.CsafReadException expected) {
            assertThat(expected).hasMessageStartingWith("Not a readable CSAF document");
        }
    }
}
