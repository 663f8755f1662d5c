package org.koban.server.organisation;

import org.jspecify.annotations.Nullable;

/** What it takes to create or change a site. {@code country} is an ISO 3166-1 alpha-2 code. */
public record SiteCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable String country,
        @Nullable String city,
        @Nullable String description) {}
