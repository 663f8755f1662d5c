package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryState;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIdView;
import org.koban.server.cve.CveIds;
import org.springframework.beans.factory.annotation.Autowired;

/** Publishing a case's advisory publishes the CVE records of its vulnerabilities at CVE Services. */
@Timeout(60)
class AdvisoryPublicationCveIntegrationTest extends CveServicesIntegrationTestBase {

    @Autowired
    CveIds cveIds;

    @Autowired
    Advisories advisories;

    @Test
    void theAdvisorysPublicationPublishesTheCveRecords() {
        Actor analyst = analyst();
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().getFirst();
        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);
        assertThat(STAND_IN.entry(assigned.cveId()).state()).isEqualTo("RESERVED");

        var advisory = advisories.createFromCase(analyst, s.caseId());
        advisories.submit(analyst, advisory.id());
        advisories.approve(manager, advisory.id());
        assertThat(advisories.publish(manager, advisory.id()).state()).isEqualTo(AdvisoryState.PUBLISHED);

        assertThat(STAND_IN.entry(assigned.cveId()).state()).isEqualTo("PUBLISHED");
        assertThat(cveIds.list(manager, CveIdState.PUBLISHED))
                .extracting(CveIdView::cveId)
                .contains(assigned.cveId());
        // The advisory's CSAF document names the same CVE id.
        assertThat(advisories.publishedCsaf(manager, advisory.id(), 1)).contains(assigned.cveId());
    }
}
