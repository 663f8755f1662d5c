package org.koban.server.catalog;

import org.jspecify.annotations.Nullable;

/** What it takes to create or change a product family. */
public record ProductFamilyCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable String description) {}
