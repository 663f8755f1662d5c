package org.koban.server.cve.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.cases.CaseTestSupport;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.Intake;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case on a new line with vulnerabilities, each with an affected and a fixed version, built by the services. */
record Scenario(UUID caseId, List<UUID> vulnerabilities, ProductionLineView line) {

    static Scenario of(Fixtures fixtures, Cases cases, Intake intake, JdbcClient jdbc, Actor analyst, int count) {
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
        List<UUID> ids = new ArrayList<>();
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
}
