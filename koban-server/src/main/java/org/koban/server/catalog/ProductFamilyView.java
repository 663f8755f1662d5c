package org.koban.server.catalog;

import java.time.Instant;
import java.util.UUID;

/** A product family (series): products that share a design, and that advisories group by. */
public record ProductFamilyView(
        UUID id,
        String code,
        String name,
        String description,
        int productCount,
        Instant createdAt,
        Instant updatedAt) {}
