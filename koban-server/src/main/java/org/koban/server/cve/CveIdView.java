package org.koban.server.cve;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One CVE id as Koban knows it.
 *
 * @param adopted true when Koban found the id in CVE Services' list (its own answer had been lost) rather
 *     than in the answer to its request
 */
public record CveIdView(
        String cveId,
        CveIdState state,
        CveIdSource source,
        @Nullable UUID caseId,
        @Nullable UUID vulnerabilityId,
        boolean adopted,
        Instant reservedAt,
        @Nullable Instant assignedAt,
        @Nullable Instant publishedAt,
        @Nullable Instant updatedAt,
        @Nullable Instant rejectedAt) {}
