package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.koban.csaf.model.CsafDocument;

class CsafValidatorUnitTest {

    @Test
    void concurrentValidationGivesTheSameResultsAsSequential() throws Exception {
        List<Path> files = TestData.csafExamples();
        List<ValidationResult> sequential = files.stream()
                .map(f -> CsafValidator.validate(read(f), CsafValidator.Options.DEFAULT))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<ValidationResult>> futures = files.stream()
                        .map(f -> pool.submit(() -> CsafValidator.validate(read(f), CsafValidator.Options.DEFAULT)))
                        .toList();
                for (int i = 0; i < files.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownPropertiesKeptByTheReaderAreReportedByTheStrictCheck() throws IOException {
        byte[] json = Files.readAllBytes(TestData.csafExamples().get(0));
        String withExtra = new String(json, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"x_vendor_extension\": 42,");
        CsafDocument document = CsafJson.read(withExtra);
        assertThat(document.extra()).containsKey("x_vendor_extension");

        ValidationResult strict = CsafValidator.validate(document, CsafValidator.Options.STRICT);
        assertThat(strict.valid()).isFalse();
        assertThat(strict.findings("schema-strict")).extracting(Finding::path).containsExactly("/x_vendor_extension");

        ValidationResult normal = CsafValidator.validate(document, CsafValidator.Options.DEFAULT);
        assertThat(normal.valid()).isTrue();
        assertThat(normal.warnings()).contains("6.2.20");
    }

    @Test
    void nonJsonAndNonObjectInputIsReportedNotThrown() {
        assertThat(CsafValidator.validate("{".getBytes(StandardCharsets.UTF_8)).failedTests())
                .containsExactly("json");
        assertThat(CsafValidator.validate(new byte[0]).failedTests()).containsExactly("json");
        assertThat(CsafValidator.validate("[1, 2]".getBytes(StandardCharsets.UTF_8))
                        .failedTests())
                .containsExactly("schema");
    }

    @Test
    void isJsonAnswersAsValidationReadsTheText() {
        for (String text : new String[] {"{}", "[1, 2]", "\"x\"", " {\"a\": 1} ", "{\"a\": 1, \"a\": 2}"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(CsafValidator.isJson(bytes)).as(text).isTrue();
            assertThat(CsafValidator.validate(bytes).failedTests()).as(text).doesNotContain("json");
        }
        for (String text : new String[] {"", "{", "{\"a\": }", "[1,]", "nul", "{} {}"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(CsafValidator.isJson(bytes)).as(text).isFalse();
            assertThat(CsafValidator.validate(bytes).failedTests()).as(text).containsExactly("json");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
