package org.koban.csaf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainUnitTest {
    @TempDir
    Path dir;

    private static Path data(String name) {
        try {
            return Path.of(MainUnitTest.class
                    .getResource("/csaf-2.0/test/validator/data/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exit, List<String> lines) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private void corpus() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(data("mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-11-01.json"), dir.resolve("sub/b-cwe.json"));
        Files.copy(data("mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-11.json"), dir.resolve("a-valid.json"));
        Files.writeString(dir.resolve("c-broken.json"), "{not json");
        Files.writeString(dir.resolve("ignored.txt"), "not a json file name");
    }

    @Test
    void jsonlPrintsOneSortedLinePerFileWithPathsRelativeToTheDirectory() throws IOException {
        corpus();
        Run run = run("validate", "--jsonl", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .containsExactly(
                        "{\"file\": \"a-valid.json\", \"valid\": true, \"failedTests\": [], \"warnings\": [\"6.2.10\","
                                + " \"6.2.11\", \"6.2.12\", \"6.2.16\"], \"infos\": []}",
                        "{\"file\": \"c-broken.json\", \"valid\": false, \"failedTests\": [\"json\"], \"warnings\":"
                                + " [], \"infos\": []}",
                        "{\"file\": \"sub/b-cwe.json\", \"valid\": false, \"failedTests\": [\"6.1.11\"],"
                                + " \"warnings\": [\"6.2.10\", \"6.2.11\", \"6.2.12\"], \"infos\": [\"6.3.3\"]}");
    }

    @Test
    void outputDoesNotDependOnTheThreadCount() throws IOException {
        corpus();
        assertThat(run("validate", "--jsonl", "--threads", "1", dir.toString()))
                .isEqualTo(run("validate", "--jsonl", "--threads", "3", dir.toString()));
    }

    @Test
    void humanReportEndsWithTheSummaryLine() throws IOException {
        corpus();
        Run run = run("validate", dir.toString());
        assertThat(run.lines().get(run.lines().size() - 1))
                .matches("files=3 valid=1 invalid=2 seconds=\\d+\\.\\d+ docs_per_sec=\\d+\\.\\d+");
    }

    @Test
    void aFileArgumentIsReportedAsGivenAndValidFilesExitZero() {
        String file =
                data("mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-11.json").toString();
        Run run = run("validate", "--jsonl", file);
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).singleElement().asString().startsWith("{\"file\": \"" + file + "\", \"valid\": true");
    }

    @Test
    void strictModeMakesAdditionalPropertiesAFailure() {
        String file =
                data("optional/oasis_csaf_tc-csaf_2_0-2021-6-2-20-01.json").toString();
        assertThat(run("validate", "--jsonl", file).lines().get(0))
                .contains("\"valid\": true")
                .contains("6.2.20");
        Run strict = run("validate", "--jsonl", "--strict", file);
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.lines().get(0)).contains("\"valid\": false, \"failedTests\": [\"schema-strict\"]");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--threads", "0", "x").exit()).isEqualTo(2);
        assertThat(run("validate", "--bogus", "x").exit()).isEqualTo(2);
    }
}
