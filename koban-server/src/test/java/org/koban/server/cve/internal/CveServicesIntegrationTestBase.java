package org.koban.server.cve.internal;

import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.intake.Intake;
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

    Scenario scenario(Actor analyst, int count) {
        return Scenario.of(fixtures, cases, intake, jdbc, analyst, count);
    }

    Actor analyst() {
        return fixtures.actor(Role.PSIRT_ANALYST);
    }
}
