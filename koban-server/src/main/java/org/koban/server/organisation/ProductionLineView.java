package org.koban.server.organisation;

import java.time.Instant;
import java.util.UUID;

/** A production line of a site: the owner of products, and who fixes their vulnerabilities. */
public record ProductionLineView(
        UUID id,
        UUID siteId,
        String siteCode,
        String siteName,
        String code,
        String name,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    /** How people name a line: "Hsinchu Factory / SMT line 1". */
    public String label() {
        return siteName + " / " + name;
    }
}
