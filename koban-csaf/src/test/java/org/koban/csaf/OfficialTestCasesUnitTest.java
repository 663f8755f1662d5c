package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs every entry of the OASIS {@code testcases.json}: each listed failure fails its test, each listed valid
 * document passes it, and the document-level {@code valid} flag matches. Deviations where the data contradicts
 * the specification's text are listed in {@link #DEVIATIONS} and in the module README.
 */
class OfficialTestCasesUnitTest {

    /**
     * file name → reason; for these files the document-level {@code valid} flag of the data contradicts the
     * specification's text, and the test expects what the text says (the listed test itself still fails).
     */
    static final Map<String, String> DEVIATIONS = Map.of(
            "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-08-02.json",
            "file_hashes lists md5 twice for one file: mandatory test 6.1.25 fails, so the document is invalid",
            "optional/oasis_csaf_tc-csaf_2_0-2021-6-2-09-02.json",
            "file_hashes lists sha1 twice for one file: mandatory test 6.1.25 fails, so the document is invalid");

    static Stream<Arguments> cases() throws IOException {
        Path data = TestData.validatorData();
        JsonNode manifest = CsafJson.readTree(Files.readAllBytes(data.resolve("testcases.json")));
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode test : manifest.get("tests")) {
            String id = test.get("id").asString();
            String group = test.get("group").asString();
            for (JsonNode f : test.path("failures")) {
                cases.add(Arguments.of(
                        id,
                        group,
                        f.get("name").asString(),
                        true,
                        f.get("valid").asBoolean()));
            }
            for (JsonNode v : test.path("valid")) {
                cases.add(Arguments.of(
                        id,
                        group,
                        v.get("name").asString(),
                        false,
                        v.get("valid").asBoolean()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} fails={3} valid={4}")
    @MethodSource("cases")
    void officialTestCaseGivesTheExpectedVerdict(
            String id, String group, String name, boolean mustFail, boolean documentValid) throws IOException {
        ValidationResult result = CsafValidator.validate(
                Files.readAllBytes(TestData.validatorData().resolve(name)), CsafValidator.Options.DEFAULT);
        List<String> reported = switch (group) {
            case "mandatory" -> result.failedTests();
            case "optional" -> result.warnings();
            default -> result.infos();
        };
        if (CsafValidator.SKIPPED.contains(id)) {
            assertThat(result.skipped()).contains(id);
        } else if (mustFail) {
            assertThat(reported).as(result.findings().toString()).contains(id);
        } else {
            assertThat(reported).as(result.findings(id).toString()).doesNotContain(id);
        }
        boolean expectedValid = DEVIATIONS.containsKey(name) ? !documentValid : documentValid;
        assertThat(result.valid()).as(result.findings().toString()).isEqualTo(expectedValid);
    }
}
