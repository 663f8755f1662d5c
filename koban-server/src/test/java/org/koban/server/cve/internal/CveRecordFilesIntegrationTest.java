package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cve.CveIdSource;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIdView;
import org.koban.server.cve.CveIds;
import org.koban.server.cve.CveServicesException;
import org.koban.server.cve.CveServicesException.Reason;
import org.koban.server.intake.Intake;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without CNA credentials (the default): Koban writes the CVE record for an outside CNA and records the id
 * that CNA assigned, which becomes the vulnerability's CVE id.
 */
@Timeout(120)
@KobanIntegrationTest
class CveRecordFilesIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CveSchemas SCHEMAS = new CveSchemas();

    @Autowired
    CveIds cveIds;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor analyst;
    Scenario s;

    @BeforeEach
    void setUp() {
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
        s = Scenario.of(fixtures, cases, intake, jdbc, analyst, 2);
    }

    @Test
    void withoutCredentialsNothingIsReservedAndTheRecordFileIsOffered() {
        assertThat(cveIds.connected()).isFalse();
        assertThat(cveIds.forCase(analyst, s.caseId()).connected()).isFalse();

        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED));

        JsonNode body = JSON.readTree(
                cveIds.cnaContainer(analyst, s.caseId(), s.vulnerabilities().get(0)));
        assertThat(SCHEMAS.containerProblems(body.path("cnaContainer"))).isEmpty();
        assertThat(body.path("cnaContainer").path("affected").get(0).path("versions"))
                .hasSize(2);
        assertThatThrownBy(() ->
                        cveIds.record(analyst, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no CVE id yet");
    }

    @Test
    void theIdAnOutsideCnaAssignedBecomesTheVulnerabilitysCve() {
        String id = "CVE-2026-" + (100_000 + new java.util.Random().nextInt(800_000));
        UUID vulnerability = s.vulnerabilities().get(0);

        CveIdView recorded = cveIds.recordAssigned(analyst, s.caseId(), vulnerability, id.toLowerCase());

        assertThat(recorded.cveId()).isEqualTo(id);
        assertThat(recorded.state()).isEqualTo(CveIdState.ASSIGNED);
        assertThat(recorded.source()).isEqualTo(CveIdSource.CNA);
        assertThat(cases.get(analyst, s.caseId(), PageQuery.of(null, 0, 1)).vulnerabilities().stream()
                        .filter(v -> v.id().equals(vulnerability))
                        .findFirst()
                        .orElseThrow()
                        .cve())
                .isEqualTo(id);
        JsonNode record = JSON.readTree(cveIds.record(analyst, s.caseId(), vulnerability));
        assertThat(SCHEMAS.recordProblems(record)).isEmpty();
        assertThat(record.path("cveMetadata").path("cveId").asString()).isEqualTo(id);
        assertThat(cases.timeline(analyst, s.caseId(), PageQuery.all()).items().stream()
                        .map(e -> e.kind()))
                .contains("cve.assigned");

        // Not twice, not on another vulnerability, and not published by Koban.
        assertThatThrownBy(() -> cveIds.recordAssigned(analyst, s.caseId(), vulnerability, "CVE-2026-0001"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cveIds.recordAssigned(
                        analyst, s.caseId(), s.vulnerabilities().get(1), id))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cveIds.publish(analyst, s.caseId(), vulnerability))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside CNA");
    }

    @Test
    void anIdTypedOnAnotherVulnerabilityIsRefused() {
        String id = "CVE-2026-" + (100_000 + new java.util.Random().nextInt(800_000));
        var other = cases.get(analyst, s.caseId(), PageQuery.of(null, 0, 1))
                .vulnerabilities()
                .get(1);
        cases.updateVulnerability(
                analyst,
                s.caseId(),
                other.id(),
                new VulnerabilityCommand(other.title(), other.description(), other.cweId(), null, null, id));

        assertThatThrownBy(() -> cveIds.recordAssigned(
                        analyst, s.caseId(), s.vulnerabilities().get(0), id))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already on another vulnerability");
        assertThat(jdbc.sql("select count(*) from cve_id where cve_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRecordOfAnotherLinesCaseIsNotFound() {
        Actor otherLine = fixtures.actor(Role.LINE_ENGINEER, fixtures.line());
        Actor ownLine = fixtures.actor(Role.LINE_ENGINEER, s.line());

        assertThatThrownBy(() -> cveIds.cnaContainer(
                        otherLine, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOf(NotFoundException.class);
        assertThat(cveIds.cnaContainer(ownLine, s.caseId(), s.vulnerabilities().get(0)))
                .contains("cnaContainer");
    }
}
