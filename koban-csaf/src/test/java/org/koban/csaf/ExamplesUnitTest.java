package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The OASIS examples are valid CSAF: the positive corpus for tests the official data has no passing file for. */
class ExamplesUnitTest {

    static List<Path> examples() {
        return TestData.csafExamples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyOasisExampleIsValid(Path file) throws IOException {
        ValidationResult result = CsafValidator.validate(file, CsafValidator.Options.DEFAULT);
        assertThat(result.failedTests()).as(result.findings().toString()).isEmpty();
        assertThat(result.valid()).isTrue();
    }
}
