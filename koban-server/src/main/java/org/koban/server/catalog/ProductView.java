package org.koban.server.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A product, owned by one production line, optionally part of a family. */
public record ProductView(
        UUID id,
        String code,
        String name,
        String description,
        UUID lineId,
        String lineCode,
        String lineName,
        @Nullable UUID familyId,
        @Nullable String familyCode,
        @Nullable String familyName,
        int versionCount,
        Instant createdAt,
        Instant updatedAt) {}
