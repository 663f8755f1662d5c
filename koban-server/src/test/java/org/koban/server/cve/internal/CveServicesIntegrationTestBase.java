package org.koban.server.cve.internal;

import java.util.List;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.CaseTestSupport;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.Intake;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Koban connected as a CNA to one local stand-in for CVE Services (shared by the test classes that extend
 * this, so they share one Spring context), with a short request timeout and no real waits on 429.
 */
@KobanIntegrationTest
abstract class CveServicesIntegrationTestBase {

    static final CveServicesStandIn STAND_IN = new CveServicesStandIn();

    @DynamicPropertySource
    static void cveServices(DynamicPropertyRegistry registry) {
        registry.add("koban.cve-services.url", STAND_IN::url);
        registry.add("koban.cve-services.org", () -> CveServicesStandIn.ORG);
        registry.add("koban.cve-services.user", () -> CveServicesStandIn.USER);
        registry.add("koban.cve-services.key", () -> CveServicesStandIn.KEY);
        registry.add("koban.cve-services.org-id", () -> "5f1c2a3b-1111-4222-8333-444455556666");
        registry.add("koban.cve-services.vendor", () -> "Example Vendor");
        registry.add("koban.cve-services.request-timeout", () -> "800ms");
        registry.add("koban.cve-services.max-retries", () -> "2");
        registry.add("koban.cve-services.max-retry-wait", () -> "1s");
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    /** A case on a new line with {@code count} vulnerabilities, each with an affected and a fixed version. */
    record Scenario(UUID caseId, List<UUID> vulnerabilities, ProductionLineView line) {}

    Scenario scenario(Actor analyst, int count) {
        ProductionLineView line = fixtures.line();
        var product = fixtures.product(line);
        ProductVersionView v1 = fixtures.version(product, "1.0");
        ProductVersionView v2 = fixtures.version(product, "2.0");
        UUID caseId = cases.openFromReport(
                        analyst,
                        CaseTestSupport.reportId(
                                jdbc,
                                CaseTestSupport.submit(intake, "Overflow", null, false)
                                        .reference()),
                        "Gateway overflow")
                .id();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = cases.addVulnerability(
                            analyst,
                            caseId,
                            new VulnerabilityCommand(
                                    "Overflow " + i,
                                    "A crafted packet overflows a buffer.",
                                    "CWE-787",
                                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                                    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                                    null))
                    .id();
            cases.decideStatus(
                    analyst,
                    caseId,
                    new StatusDecision(id, List.of(v1.id()), VersionStatus.KNOWN_AFFECTED, null, null));
            cases.decideStatus(
                    analyst, caseId, new StatusDecision(id, List.of(v2.id()), VersionStatus.FIXED, null, null));
            ids.add(id);
        }
        return new Scenario(caseId, ids, line);
    }

    Actor analyst() {
        return fixtures.actor(Role.PSIRT_ANALYST);
    }
}
