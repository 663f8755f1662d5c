package org.koban.server.advisories.internal;

import java.util.Optional;
import java.util.UUID;
import org.koban.server.cve.PublicAdvisories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the CVE records where a case's public advisory is and when it was first published. */
@Component
class AdvisoryLinks implements PublicAdvisories {

    private final JdbcClient jdbc;
    private final String publicUrl;

    AdvisoryLinks(JdbcClient jdbc, org.koban.server.shared.PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl.base();
    }

    @Override
    public Optional<PublicAdvisory> ofCase(UUID caseId) {
        return jdbc.sql("select tracking_id, initial_release_date from advisory where case_id = :id and version > 0")
                .param("id", caseId)
                .query((rs, n) -> new PublicAdvisory(
                        publicUrl + "/security/advisories/" + rs.getString(1),
                        rs.getTimestamp(2).toInstant()))
                .optional();
    }
}
