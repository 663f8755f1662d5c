package org.koban.server.organisation;

import java.time.Instant;
import java.util.UUID;

/** A site: a factory or business unit, in one country. */
public record SiteView(
        UUID id,
        String code,
        String name,
        String country,
        String city,
        String description,
        int lineCount,
        Instant createdAt,
        Instant updatedAt) {}
