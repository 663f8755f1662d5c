package org.koban.server.advisories.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.koban.csaf.CsafBuilder;
import org.koban.csaf.CsafJson;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An approved document takes the moment of its publication, also when that falls in another year. */
@KobanIntegrationTest
class CsafDatingIntegrationTest {

    @Autowired
    CsafRendering rendering;

    @Test
    void aFirstPublicationInTheNewYearMovesTheSelfReferenceToThatYearsFolder() {
        String approvedAt = "2025-12-31T23:00:00Z";
        String csaf = CsafJson.write(CsafBuilder.securityAdvisory("Dating")
                .publisher("vendor", "Example", "https://example.com")
                .tracking("KOBAN-SA-2025-0099", "final", "1", approvedAt)
                .revision("1", approvedAt, "Initial version")
                .tlp("WHITE")
                .reference("self", "http://localhost:8080/.well-known/csaf/white/2025/koban-sa-2025-0099.json", "self")
                .build());
        JsonNode published = JsonMapper.builder()
                .build()
                .readTree(rendering.datedAt(csaf, Instant.parse("2026-01-02T08:00:00Z"), true));
        assertThat(published.at("/document/tracking/initial_release_date").asString())
                .isEqualTo("2026-01-02T08:00:00Z");
        assertThat(published.at("/document/tracking/current_release_date").asString())
                .isEqualTo("2026-01-02T08:00:00Z");
        assertThat(published.at("/document/tracking/revision_history/0/date").asString())
                .isEqualTo("2026-01-02T08:00:00Z");
        assertThat(published.at("/document/references/0/url").asString())
                .isEqualTo("http://localhost:8080/.well-known/csaf/white/2026/koban-sa-2025-0099.json");

        // A later revision keeps the initial date and its folder.
        JsonNode revised = JsonMapper.builder()
                .build()
                .readTree(rendering.datedAt(csaf, Instant.parse("2026-03-01T08:00:00Z"), false));
        assertThat(revised.at("/document/tracking/initial_release_date").asString())
                .isEqualTo(approvedAt);
        assertThat(revised.at("/document/references/0/url").asString()).contains("/white/2025/");
    }
}
