package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koban.server.cases.NotAffectedJustification;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VersionStatusView;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CVE record of a vulnerability over a generated variety of cases (products, versions, status mixes,
 * with and without CWE and either CVSS version): every CNA container and every whole record is valid
 * against the bundled CVE JSON 5.1.1 schemas.
 */
class CveRecordBuilderUnitTest {

    private static final CveSchemas SCHEMAS = new CveSchemas();
    private static final UUID ORG = UUID.fromString("5f1c2a3b-1111-4222-8333-444455556666");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.123456Z");
    private static final CveRecordBuilder BUILDER = new CveRecordBuilder("Example Vendor", ORG, "example");

    private static final String[][] CVSS3 = {
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "CRITICAL"},
        {"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", "3.1", "LOW"},
        {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:N", "0.0", "NONE"}
    };
    private static final String[][] CVSS4 = {
        {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "9.3", "CRITICAL"},
        {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", "6.9", "MEDIUM"}
    };

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> 1000L + i);
    }

    /** A vulnerability drawn from the seed: 1–4 products, 1–5 versions each, any mix of the four statuses. */
    static VulnerabilityView generated(long seed) {
        Random random = new Random(seed);
        List<VersionStatusView> statuses = new ArrayList<>();
        int products = 1 + random.nextInt(4);
        for (int p = 0; p < products; p++) {
            // Sometimes two catalogue products share a name: they become one affected entry.
            String name = random.nextInt(6) == 0 ? "Shared name" : "Product " + seed + "-" + p + " ü/ß";
            int versions = 1 + random.nextInt(5);
            for (int v = 0; v < versions; v++) {
                VersionStatus status = VersionStatus.values()[random.nextInt(VersionStatus.values().length)];
                statuses.add(new VersionStatusView(
                        UUID.randomUUID(),
                        name,
                        random.nextBoolean() ? "1." + v : "2024." + v + "-r" + random.nextInt(3),
                        UUID.randomUUID(),
                        status,
                        status == VersionStatus.KNOWN_NOT_AFFECTED ? NotAffectedJustification.values()[0] : null,
                        status == VersionStatus.KNOWN_NOT_AFFECTED ? "Component not present" : null,
                        NOW));
            }
        }
        boolean cwe = random.nextBoolean();
        String[] v3 = random.nextInt(3) == 0 ? null : CVSS3[random.nextInt(CVSS3.length)];
        String[] v4 = random.nextInt(3) == 0 ? null : CVSS4[random.nextInt(CVSS4.length)];
        String description = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "A crafted packet overflows a buffer in the web server.";
            default -> "x".repeat(5000);
        };
        return new VulnerabilityView(
                UUID.randomUUID(),
                random.nextInt(10) == 0 ? "T".repeat(300) : "Overflow in the web server (" + seed + ")",
                description,
                cwe ? "CWE-787" : null,
                cwe ? "Out-of-bounds Write" : null,
                v3 == null ? null : v3[0],
                v3 == null ? null : new BigDecimal(v3[1]),
                v3 == null ? null : Severity.valueOf(v3[2]),
                v4 == null ? null : v4[0],
                v4 == null ? null : new BigDecimal(v4[1]),
                v4 == null ? null : Severity.valueOf(v4[2]),
                null,
                statuses);
    }

    private static CveRecordBuilder.Input input(VulnerabilityView v) {
        return new CveRecordBuilder.Input(
                v,
                "CVE-2026-12345",
                NOW,
                null,
                List.of("https://psirt.example.com/advisories/KOBAN-C-2026-0001", "https://jvn.jp/vu/JVNVU12345678/"));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyGeneratedContainerAndRecordIsValid(long seed) {
        VulnerabilityView v = generated(seed);

        ObjectNode container = BUILDER.cnaContainer(input(v));
        ObjectNode record = BUILDER.fullRecord(input(v), "CVE-2026-12345", NOW, NOW);

        assertThat(SCHEMAS.containerProblems(container))
                .as(container.toString())
                .isEmpty();
        assertThat(SCHEMAS.recordProblems(record)).as(record.toString()).isEmpty();
        assertThat(container.path("affected")).isNotEmpty();
    }

    @Test
    void mapsStatusesCweAndBothCvssVersions() {
        VulnerabilityView v = new VulnerabilityView(
                UUID.randomUUID(),
                "Overflow",
                "A crafted packet overflows a buffer.",
                "CWE-787",
                "Out-of-bounds Write",
                CVSS3[0][0],
                new BigDecimal("9.8"),
                Severity.CRITICAL,
                CVSS4[0][0],
                new BigDecimal("9.3"),
                Severity.CRITICAL,
                null,
                List.of(
                        status("Gateway", "1.0", VersionStatus.KNOWN_AFFECTED),
                        status("Gateway", "1.1", VersionStatus.FIXED),
                        status("Router", "3.0", VersionStatus.KNOWN_NOT_AFFECTED),
                        status("Router", "3.1", VersionStatus.UNDER_INVESTIGATION)));

        ObjectNode cna = BUILDER.cnaContainer(input(v));

        JsonNode affected = cna.path("affected");
        assertThat(affected).hasSize(2);
        assertThat(affected.get(0).path("vendor").asString()).isEqualTo("Example Vendor");
        assertThat(affected.get(0).path("product").asString()).isEqualTo("Gateway");
        assertThat(affected.get(0).path("versions").get(0).path("status").asString())
                .isEqualTo("affected");
        assertThat(affected.get(0).path("versions").get(1).path("status").asString())
                .isEqualTo("unaffected");
        assertThat(affected.get(1).path("versions").get(0).path("status").asString())
                .isEqualTo("unaffected");
        assertThat(affected.get(1).path("versions").get(1).path("status").asString())
                .isEqualTo("unknown");
        JsonNode cwe = cna.path("problemTypes").get(0).path("descriptions").get(0);
        assertThat(cwe.path("cweId").asString()).isEqualTo("CWE-787");
        assertThat(cwe.path("description").asString()).isEqualTo("CWE-787 Out-of-bounds Write");
        assertThat(cna.path("metrics")
                        .get(0)
                        .path("cvssV4_0")
                        .path("vectorString")
                        .asString())
                .isEqualTo(CVSS4[0][0]);
        assertThat(cna.path("metrics").get(1).path("cvssV3_1").path("baseScore").asDouble())
                .isEqualTo(9.8);
        assertThat(cna.path("providerMetadata").path("orgId").asString()).isEqualTo(ORG.toString());
        assertThat(cna.path("references")).hasSize(2);
    }

    @Test
    void aVersionListedTwiceUnderOneNameKeepsItsWorstStatus() {
        VulnerabilityView v = withStatuses(
                generated(1),
                List.of(
                        status("Gateway", "1.0", VersionStatus.FIXED),
                        status("Gateway", "1.0", VersionStatus.KNOWN_AFFECTED)));

        ObjectNode cna = BUILDER.cnaContainer(input(v));

        assertThat(cna.path("affected").get(0).path("versions")).hasSize(1);
        assertThat(cna.path("affected")
                        .get(0)
                        .path("versions")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("affected");
        assertThat(SCHEMAS.containerProblems(cna)).isEmpty();
    }

    @Test
    void withoutAnyDecidedVersionThereIsNoRecord() {
        VulnerabilityView v = withStatuses(generated(2), List.of());

        assertThatThrownBy(() -> BUILDER.cnaContainer(input(v)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("status");
    }

    @Test
    void theSchemasReallyRefuseBrokenRecords() {
        ObjectNode container = BUILDER.cnaContainer(input(generated(3)));
        container.remove("references");
        ObjectNode record = BUILDER.fullRecord(input(generated(3)), "CVE-2026-12345", NOW, NOW);
        record.withObject("cveMetadata").put("cveId", "CVE-26-1");

        VulnerabilityView scored = new VulnerabilityView(
                UUID.randomUUID(),
                "t",
                "d",
                null,
                null,
                CVSS3[0][0],
                new BigDecimal("9.8"),
                Severity.CRITICAL,
                null,
                null,
                null,
                null,
                List.of(status("Gateway", "1.0", VersionStatus.KNOWN_AFFECTED)));
        ObjectNode wrongSeverity = BUILDER.cnaContainer(input(scored));
        ((ObjectNode) wrongSeverity.path("metrics").get(0).path("cvssV3_1")).put("baseSeverity", "BOGUS");

        assertThat(SCHEMAS.containerProblems(container)).isNotEmpty();
        assertThat(SCHEMAS.recordProblems(record)).isNotEmpty();
        assertThat(SCHEMAS.containerProblems(wrongSeverity)).isNotEmpty();
    }

    private static VulnerabilityView withStatuses(VulnerabilityView v, List<VersionStatusView> statuses) {
        return new VulnerabilityView(
                v.id(),
                v.title(),
                v.description(),
                v.cweId(),
                v.cweName(),
                v.cvss3Vector(),
                v.cvss3Score(),
                v.cvss3Severity(),
                v.cvss4Vector(),
                v.cvss4Score(),
                v.cvss4Severity(),
                v.cve(),
                statuses);
    }

    private static VersionStatusView status(String product, String version, VersionStatus status) {
        return new VersionStatusView(
                UUID.randomUUID(),
                product,
                version,
                UUID.randomUUID(),
                status,
                status == VersionStatus.KNOWN_NOT_AFFECTED ? NotAffectedJustification.values()[0] : null,
                null,
                NOW);
    }
}
