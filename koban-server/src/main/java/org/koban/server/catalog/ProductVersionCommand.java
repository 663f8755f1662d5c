package org.koban.server.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to create or change a product version. Dates ({@code yyyy-MM-dd}) and the lifecycle are
 * text, so that a wrong value comes back as a problem of its field, the same way from a form, the API and
 * an import.
 */
public record ProductVersionCommand(
        @Nullable String version,
        @Nullable String lifecycle,
        @Nullable String releaseDate,
        @Nullable String endOfSupportDate,
        @Nullable String cpe,
        @Nullable String purl,
        @Nullable List<String> modelNumbers) {}
