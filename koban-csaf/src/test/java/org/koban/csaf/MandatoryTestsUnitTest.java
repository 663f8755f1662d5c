package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Edge cases of the mandatory tests that the specification names, beyond the official test data. */
class MandatoryTestsUnitTest {

    /** A minimal valid csaf_base document with one product and one vulnerability. */
    static ObjectNode base() {
        String json = """
                {"document": {"category": "csaf_base", "csaf_version": "2.0", "lang": "en",
                  "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.com"},
                  "title": "Test",
                  "tracking": {"current_release_date": "2024-01-03T00:00:00Z", "id": "EX-1",
                    "initial_release_date": "2024-01-01T00:00:00Z", "status": "final", "version": "2",
                    "revision_history": [
                      {"date": "2024-01-01T00:00:00Z", "number": "1", "summary": "first"},
                      {"date": "2024-01-03T00:00:00Z", "number": "2", "summary": "second"}]}},
                 "product_tree": {"full_product_names": [
                    {"name": "A", "product_id": "A"}, {"name": "B", "product_id": "B"}],
                   "product_groups": [{"group_id": "G", "product_ids": ["A", "B"]}]},
                 "vulnerabilities": [{"product_status": {"known_affected": ["A"]}}]}
                """;
        return (ObjectNode) CsafJson.readTree(json.getBytes(StandardCharsets.UTF_8));
    }

    static ValidationResult validate(JsonNode doc) {
        return CsafValidator.validate(doc, CsafValidator.Options.DEFAULT);
    }

    static ObjectNode vuln(ObjectNode doc) {
        return (ObjectNode) doc.get("vulnerabilities").get(0);
    }

    static ObjectNode tracking(ObjectNode doc) {
        return (ObjectNode) doc.get("document").get("tracking");
    }

    static void revisions(ObjectNode doc, String... numberAndDate) {
        ArrayNode history = tracking(doc).putArray("revision_history");
        for (int i = 0; i < numberAndDate.length; i += 2) {
            history.addObject()
                    .put("date", numberAndDate[i + 1])
                    .put("number", numberAndDate[i])
                    .put("summary", "s");
        }
    }

    @Test
    void baseDocumentIsValid() {
        ValidationResult result = validate(base());
        assertThat(result.failedTests()).as(result.findings().toString()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "product_status/first_affected",
        "product_status/first_fixed",
        "product_status/fixed",
        "product_status/known_affected",
        "product_status/known_not_affected",
        "product_status/last_affected",
        "product_status/recommended",
        "product_status/under_investigation",
    })
    void undefinedProductIdInEveryProductStatusGroupFails611(String where) {
        ObjectNode doc = base();
        String group = where.substring(where.indexOf('/') + 1);
        ((ObjectNode) vuln(doc).get("product_status")).putArray(group).add("MISSING");
        ValidationResult result = validate(doc);
        assertThat(result.findings("6.1.1"))
                .extracting(Finding::path)
                .contains("/vulnerabilities/0/product_status/" + group + "/0");
    }

    @Test
    void undefinedProductIdInGroupsRelationshipsRemediationsScoresThreatsAndFlagsFails611() {
        ObjectNode doc = base();
        ((ArrayNode) doc.get("product_tree").get("product_groups").get(0).get("product_ids")).add("M1");
        ((ObjectNode) doc.get("product_tree"))
                .putArray("relationships")
                .addObject()
                .put("category", "installed_on")
                .put("product_reference", "M2")
                .put("relates_to_product_reference", "M3")
                .putObject("full_product_name")
                .put("name", "C")
                .put("product_id", "C");
        ObjectNode v = vuln(doc);
        v.putArray("remediations")
                .addObject()
                .put("category", "vendor_fix")
                .put("details", "d")
                .putArray("product_ids")
                .add("M4");
        v.putArray("scores").addObject().putArray("products").add("M5");
        ((ObjectNode) v.get("scores").get(0))
                .putObject("cvss_v3")
                .put("version", "3.1")
                .put("vectorString", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                .put("baseScore", 9.8)
                .put("baseSeverity", "CRITICAL");
        v.putArray("threats")
                .addObject()
                .put("category", "impact")
                .put("details", "d")
                .putArray("product_ids")
                .add("M6");
        v.putArray("flags")
                .addObject()
                .put("label", "component_not_present")
                .putArray("product_ids")
                .add("M7");
        assertThat(validate(doc).findings("6.1.1"))
                .extracting(Finding::path)
                .containsExactlyInAnyOrder(
                        "/product_tree/product_groups/0/product_ids/2",
                        "/product_tree/relationships/0/product_reference",
                        "/product_tree/relationships/0/relates_to_product_reference",
                        "/vulnerabilities/0/remediations/0/product_ids/0",
                        "/vulnerabilities/0/scores/0/products/0",
                        "/vulnerabilities/0/threats/0/product_ids/0",
                        "/vulnerabilities/0/flags/0/product_ids/0");
    }

    @Test
    void productIdDefinedInBranchesCountsAsDefinition() {
        ObjectNode doc = base();
        ((ObjectNode) doc.get("product_tree"))
                .putArray("branches")
                .addObject()
                .put("category", "vendor")
                .put("name", "V")
                .putArray("branches")
                .addObject()
                .put("category", "product_name")
                .put("name", "P")
                .putObject("product")
                .put("name", "V P")
                .put("product_id", "D");
        ((ArrayNode) vuln(doc).get("product_status").get("known_affected")).add("D");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.1");
        // and defining it again in full_product_names is a multiple definition (6.1.2)
        ((ArrayNode) doc.get("product_tree").get("full_product_names"))
                .addObject()
                .put("name", "D again")
                .put("product_id", "D");
        assertThat(validate(doc).findings("6.1.2"))
                .extracting(Finding::path)
                .containsExactly("/product_tree/full_product_names/2/product_id");
    }

    @Test
    void relationshipCycleThroughAnotherRelationshipFails613() {
        ObjectNode doc = base();
        ArrayNode rels = ((ObjectNode) doc.get("product_tree")).putArray("relationships");
        rels.addObject()
                .put("category", "installed_on")
                .put("product_reference", "Y")
                .put("relates_to_product_reference", "A")
                .putObject("full_product_name")
                .put("name", "X")
                .put("product_id", "X");
        rels.addObject()
                .put("category", "installed_on")
                .put("product_reference", "X")
                .put("relates_to_product_reference", "B")
                .putObject("full_product_name")
                .put("name", "Y")
                .put("product_id", "Y");
        assertThat(validate(doc).failedTests()).contains("6.1.3");
    }

    @Test
    void undefinedAndDuplicateGroupIdsFail614And615() {
        ObjectNode doc = base();
        vuln(doc)
                .putArray("remediations")
                .addObject()
                .put("category", "vendor_fix")
                .put("details", "d")
                .putArray("group_ids")
                .add("NOPE");
        ((ArrayNode) doc.get("product_tree").get("product_groups"))
                .addObject()
                .put("group_id", "G")
                .putArray("product_ids")
                .add("A")
                .add("B");
        ValidationResult result = validate(doc);
        assertThat(result.findings("6.1.4"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/remediations/0/group_ids/0");
        assertThat(result.findings("6.1.5"))
                .extracting(Finding::path)
                .containsExactly("/product_tree/product_groups/1/group_id");
    }

    @Test
    void affectedAndFixedTogetherFail616ButRecommendedMayOverlap() {
        ObjectNode doc = base();
        ObjectNode status = (ObjectNode) vuln(doc).get("product_status");
        status.putArray("recommended").add("A");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.6");
        status.putArray("last_affected").add("B");
        status.putArray("first_fixed").add("B");
        assertThat(validate(doc).findings("6.1.6")).hasSize(1);
    }

    /**
     * Widely published base scores (e.g. 9.8 for a network RCE, 6.1 for reflected XSS, 7.8 for local privilege
     * escalation); 6.5 is the official 6.2.19 test data's own score; no impact gives 0.0.
     */
    @ParameterizedTest
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 7.8",
        "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H, 6.5",
        "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N, 0.0",
    })
    void cvss3BaseScoreMatchingTheVectorPasses619AndAnyOtherFails(String vector, double score) {
        ObjectNode doc = withCvss3(vector, score);
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.9");
        doc = withCvss3(vector, score + 0.1);
        assertThat(validate(doc).findings("6.1.9"))
                .extracting(Finding::path)
                .contains("/vulnerabilities/0/scores/0/cvss_v3/baseScore");
    }

    static ObjectNode withCvss3(String vector, double score) {
        ObjectNode doc = base();
        ObjectNode cvss = vuln(doc).putArray("scores").addObject();
        cvss.putArray("products").add("A");
        cvss.putObject("cvss_v3")
                .put("version", vector.substring(5, 8))
                .put("vectorString", vector)
                .put("baseScore", score)
                .put("baseSeverity", Cvss3.severity(java.math.BigDecimal.valueOf(score)));
        return doc;
    }

    @Test
    void cvss3TemporalAndEnvironmentalScoresAreChecked619() {
        // Worked by hand from the CVSS v3.1 formulas: temporal = roundup(9.8 * 0.94 * 0.95) = 8.8;
        // environmental: MISS = 1 - (1 - 0.5*0.56)(1 - 0.56)(1 - 0.56) = 0.860608, modified impact 5.5251,
        // modified exploitability 8.22*0.62*0.77*0.85*0.85 = 2.8353, roundup(8.3604) = 8.4, * 0.893 -> 7.6.
        ObjectNode doc = withCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:L/MAV:A", 9.8);
        ObjectNode cvss = (ObjectNode) vuln(doc).get("scores").get(0).get("cvss_v3");
        cvss.put("temporalScore", 8.8).put("temporalSeverity", "HIGH");
        cvss.put("environmentalScore", 7.6).put("environmentalSeverity", "HIGH");
        ValidationResult result = validate(doc);
        assertThat(result.findings("6.1.9")).as(result.findings().toString()).isEmpty();
        cvss.put("environmentalScore", 7.5);
        assertThat(validate(doc).findings("6.1.9"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/scores/0/cvss_v3/environmentalScore");
    }

    @Test
    void cvss2ScoresAreCheckedAndMetricPropertiesMustMatchTheVector() {
        ObjectNode doc = base();
        ObjectNode score = vuln(doc).putArray("scores").addObject();
        score.putArray("products").add("A");
        // NVD's CVE-2002-0392 example from the CVSS v2 guide: base 7.8, temporal 6.4.
        ObjectNode cvss = score.putObject("cvss_v2")
                .put("version", "2.0")
                .put("vectorString", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C")
                .put("baseScore", 7.8)
                .put("temporalScore", 6.4)
                .put("accessVector", "NETWORK");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.9", "6.1.10");
        cvss.put("accessVector", "LOCAL");
        assertThat(validate(doc).findings("6.1.10"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/scores/0/cvss_v2/accessVector");
    }

    /** Found by mutating the examples: a flag without label or a note without category made 6.1.33/6.1.27 throw. */
    @Test
    void flagWithoutLabelAndNoteWithoutCategoryAreReportedNotThrown() {
        ObjectNode doc = base();
        ((ObjectNode) doc.get("document")).put("category", "csaf_informational_advisory");
        ((ObjectNode) doc.get("document")).putArray("notes").addObject().put("text", "t");
        vuln(doc).putArray("flags").addObject().putArray("product_ids").add("A");
        ValidationResult result = validate(doc);
        assertThat(result.failedTests()).contains("schema", "6.1.27.1");
    }

    /** The schema pass's result for a CVSS object is reused by 6.1.8 only when it found no error. */
    @Test
    void invalidCvssFails618AlongWithTheSchemaAndAValidOneFailsNeither() {
        ObjectNode doc = base();
        ObjectNode score = vuln(doc).putArray("scores").addObject();
        score.putArray("products").add("A");
        ObjectNode v3 = score.putObject("cvss_v3");
        v3.put("version", "3.1")
                .put("vectorString", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                .put("baseScore", 9.8)
                .put("baseSeverity", "CRITICAL");
        assertThat(validate(doc).failedTests()).doesNotContain("schema", "6.1.8");
        v3.put("baseSeverity", "SEVERE");
        assertThat(validate(doc).failedTests()).contains("schema", "6.1.8");
        v3.put("baseSeverity", "CRITICAL").put("version", "3.0");
        assertThat(validate(doc).failedTests()).contains("schema", "6.1.8");
        ObjectNode v2 = score.putObject("cvss_v2");
        score.remove("cvss_v3");
        v2.put("version", "2.0")
                .put("vectorString", "AV:N/AC:L/Au:N/C:P/I:P/A:P")
                .put("baseScore", 7.5);
        assertThat(validate(doc).failedTests()).doesNotContain("schema", "6.1.8");
        v2.put("vectorString", "AV:X/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(validate(doc).failedTests()).contains("schema", "6.1.8");
    }

    @Test
    void twoCvss3ScoresOfTheSameVersionForOneProductFail617() {
        ObjectNode doc = withCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8);
        ArrayNode scores = (ArrayNode) vuln(doc).get("scores");
        scores.add(scores.get(0).deepCopy());
        assertThat(validate(doc).findings("6.1.7"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/scores/1/products/0");
    }

    @Test
    void oneScoreNamingAProductTwiceFails617() {
        ObjectNode doc = withCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8);
        ArrayNode products = (ArrayNode) vuln(doc).get("scores").get(0).get("products");
        products.add("B");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.7");
        products.add("A");
        assertThat(validate(doc).findings("6.1.7"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/scores/0/products/2");
    }

    @Test
    void oneScoreWhoseTwoCvssObjectsClaimTheSameVersionFails617ForEachProduct() {
        ObjectNode doc = withCvss3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8);
        ObjectNode score = (ObjectNode) vuln(doc).get("scores").get(0);
        ((ArrayNode) score.get("products")).add("B");
        score.set("cvss_v2", score.get("cvss_v3").deepCopy()); // schema-invalid, but 6.1.7 still runs
        assertThat(validate(doc).findings("6.1.7"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/scores/0/products/0", "/vulnerabilities/0/scores/0/products/1");
    }

    @Test
    void statusesOfOneContradictionGroupMayNameAProductTwice616() {
        ObjectNode doc = base();
        ObjectNode status = (ObjectNode) vuln(doc).get("product_status");
        status.putArray("first_affected").add("A");
        status.putArray("last_affected").add("A");
        status.putArray("fixed").add("B");
        status.putArray("first_fixed").add("B");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.6");
        status.putArray("under_investigation").add("A");
        assertThat(validate(doc).findings("6.1.6"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/product_status/under_investigation/0");
    }

    @Test
    void integerVersionsCompareNumericallyNotAsText() {
        ObjectNode doc = base();
        String[] history = new String[20];
        for (int i = 1; i <= 10; i++) {
            history[2 * (i - 1)] = Integer.toString(i);
            history[2 * (i - 1) + 1] = String.format("2024-01-%02dT00:00:00Z", i);
        }
        revisions(doc, history);
        tracking(doc).put("version", "10").put("current_release_date", "2024-01-10T00:00:00Z");
        ValidationResult result = validate(doc);
        assertThat(result.failedTests()).as(result.findings().toString()).isEmpty();
    }

    @Test
    void semanticVersionsFollowSemverPrecedenceIncludingPreReleases() {
        assertThat(Versions.compare("1.0.0-alpha", "1.0.0")).isNegative();
        assertThat(Versions.compare("1.0.0-alpha.1", "1.0.0-alpha.beta")).isNegative();
        assertThat(Versions.compare("1.0.0-beta.2", "1.0.0-beta.11")).isNegative();
        assertThat(Versions.compare("1.10.0", "1.9.0")).isPositive();
        assertThat(Versions.compare("1.0.0+build.1", "1.0.0+build.2")).isZero();
        assertThat(Versions.compare("9", "10")).isNegative();
    }

    @Test
    void revisionNumbersDecreasingOverTimeFail6114() {
        ObjectNode doc = base();
        revisions(
                doc,
                "1.0.0",
                "2024-01-01T00:00:00Z",
                "1.10.0",
                "2024-01-02T00:00:00Z",
                "1.9.0",
                "2024-01-03T00:00:00Z");
        tracking(doc).put("version", "1.9.0");
        assertThat(validate(doc).findings("6.1.14"))
                .extracting(Finding::path)
                .containsExactly("/document/tracking/revision_history/2/number");
    }

    @Test
    void latestVersionIgnoresBuildMetadataAndPreReleaseOnlyInDraft6116() {
        ObjectNode doc = base();
        revisions(doc, "1.0.0", "2024-01-01T00:00:00Z", "2.0.0+build7", "2024-01-03T00:00:00Z");
        tracking(doc).put("version", "2.0.0");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.16");
        tracking(doc).put("version", "3.0.0");
        assertThat(validate(doc).failedTests()).contains("6.1.16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.9.0", "1.0.0-rc.1"})
    void draftOnlyVersionsInAFinalDocumentFail6117(String version) {
        ObjectNode doc = base();
        tracking(doc).put("version", version);
        assertThat(validate(doc).failedTests()).contains("6.1.17");
        tracking(doc).put("status", "draft");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.17");
    }

    @Test
    void missingMajorVersionInHistoryFails6121AndSoDoesStartingAtTwo() {
        ObjectNode doc = base();
        revisions(
                doc, "1.0.0", "2024-01-01T00:00:00Z", "1.1.0", "2024-01-02T00:00:00Z", "3.0.0", "2024-01-03T00:00:00Z");
        tracking(doc).put("version", "3.0.0");
        assertThat(validate(doc).findings("6.1.21"))
                .extracting(Finding::path)
                .containsExactly("/document/tracking/revision_history/2/number");
        revisions(doc, "2", "2024-01-01T00:00:00Z");
        tracking(doc).put("version", "2");
        assertThat(validate(doc).failedTests()).contains("6.1.21");
    }

    @Test
    void mixedIntegerAndSemanticVersioningFails6130() {
        ObjectNode doc = base();
        revisions(doc, "1", "2024-01-01T00:00:00Z", "2.0.0", "2024-01-03T00:00:00Z");
        assertThat(validate(doc).failedTests()).contains("6.1.30");
    }

    @Test
    void sameHashAlgorithmTwiceForOneFileFails6125ButAcrossFilesPasses() {
        ObjectNode doc = base();
        ObjectNode product =
                (ObjectNode) doc.get("product_tree").get("full_product_names").get(0);
        ArrayNode hashes = product.putObject("product_identification_helper").putArray("hashes");
        String sha = "a".repeat(64);
        for (String file : List.of("one.so", "two.so")) {
            ObjectNode h = hashes.addObject().put("filename", file);
            h.putArray("file_hashes").addObject().put("algorithm", "sha256").put("value", sha);
        }
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.25");
        ((ArrayNode) hashes.get(1).get("file_hashes"))
                .addObject()
                .put("algorithm", "sha256")
                .put("value", "b".repeat(64));
        assertThat(validate(doc).findings("6.1.25"))
                .extracting(Finding::path)
                .containsExactly(
                        "/product_tree/full_product_names/0/product_identification_helper/hashes/1/file_hashes/1/algorithm");
    }

    @Test
    void vexImpactStatementMayComeThroughAProductGroup61279() {
        ObjectNode doc = base();
        ((ObjectNode) doc.get("document")).put("category", "csaf_vex");
        ObjectNode v = vuln(doc);
        v.put("cve", "CVE-2024-0001");
        v.putArray("notes").addObject().put("category", "description").put("text", "t");
        ObjectNode status = v.putObject("product_status");
        status.putArray("known_not_affected").add("A").add("B");
        v.putArray("flags")
                .addObject()
                .put("label", "component_not_present")
                .putArray("group_ids")
                .add("G");
        ValidationResult result = validate(doc);
        assertThat(result.failedTests()).as(result.findings().toString()).isEmpty();
        // A second justification for B (directly) now conflicts with the one via the group: 6.1.33.
        ((ArrayNode) v.get("flags"))
                .addObject()
                .put("label", "vulnerable_code_not_present")
                .putArray("product_ids")
                .add("B");
        assertThat(validate(doc).failedTests()).containsExactly("6.1.33");
    }

    @ParameterizedTest
    @CsvSource({
        "Security_Incident_Response, true",
        "veX, true",
        "csaf_foo, true",
        "Csaf_a, true",
        "my_category, false",
        "csaf_base, false"
    })
    void categoryNamesOfOtherProfilesAreProhibited6126(String category, boolean fails) {
        ObjectNode doc = base();
        ((ObjectNode) doc.get("document")).put("category", category);
        assertThat(validate(doc).failedTests().contains("6.1.26")).isEqualTo(fails);
    }

    @ParameterizedTest
    @CsvSource({
        "en, true",
        "de-DE, true",
        "zh-Hant-TW, true",
        "i-default, true",
        "en-EZ, true",
        "EZ, false",
        "en-AB, false",
        "xx, false",
        "en--US, false",
        "sgn-BE-FR, true",
        "x-private, true",
        "de-1996, true"
    })
    void languageTagsMustBeWellFormedAndRegistered6112(String tag, boolean valid) {
        ObjectNode doc = base();
        ((ObjectNode) doc.get("document")).put("lang", tag);
        assertThat(validate(doc).failedTests().contains("6.1.12")).isEqualTo(!valid);
    }

    @Test
    void cweMustExistAsWeaknessWithItsExactName6111() {
        ObjectNode doc = base();
        ObjectNode cwe = vuln(doc).putObject("cwe").put("id", "CWE-79");
        cwe.put("name", "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.11");
        cwe.put("name", "Cross-site Scripting");
        assertThat(validate(doc).findings("6.1.11"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/cwe/name");
        cwe.put("id", "CWE-999999");
        assertThat(validate(doc).findings("6.1.11"))
                .extracting(Finding::path)
                .containsExactly("/vulnerabilities/0/cwe/id");
    }

    @ParameterizedTest
    @CsvSource({"prior to 4.2, true", "<4.2, true", "4.1 and earlier, true", "after-eight, false", "4.2, false"})
    void versionRangesInProductVersionFail6131(String name, boolean fails) {
        assertThat(DocumentChecks.versionRangeIndicator(name) != null).isEqualTo(fails);
    }

    @Test
    void invalidPurlFails6113() {
        ObjectNode doc = base();
        ObjectNode product =
                (ObjectNode) doc.get("product_tree").get("full_product_names").get(0);
        product.putObject("product_identification_helper").put("purl", "pkg:maven/@1.0");
        assertThat(validate(doc).failedTests()).contains("6.1.13");
        product.putObject("product_identification_helper").put("purl", "pkg:maven/org.example/lib@1.0");
        assertThat(validate(doc).failedTests()).doesNotContain("6.1.13");
    }
}
