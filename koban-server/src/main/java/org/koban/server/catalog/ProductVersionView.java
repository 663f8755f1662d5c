package org.koban.server.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of a product, with its lifecycle and the identifiers CSAF's product identification helper
 * knows: one CPE 2.3 name, one PURL, and model numbers.
 */
public record ProductVersionView(
        UUID id,
        UUID productId,
        String productCode,
        String productName,
        UUID lineId,
        String version,
        Lifecycle lifecycle,
        @Nullable LocalDate releaseDate,
        @Nullable LocalDate endOfSupportDate,
        @Nullable String cpe,
        @Nullable String purl,
        List<String> modelNumbers,
        Instant createdAt,
        Instant updatedAt) {}
