package org.koban.server.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What it takes to create or change a product. Also the product form, so that it keeps what was typed. */
public record ProductCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable String description,
        @Nullable UUID lineId,
        @Nullable UUID familyId) {}
