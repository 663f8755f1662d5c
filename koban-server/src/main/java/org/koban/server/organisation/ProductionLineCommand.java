package org.koban.server.organisation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What it takes to create or change a production line. */
public record ProductionLineCommand(
        @Nullable UUID siteId,
        @Nullable String code,
        @Nullable String name,
        @Nullable String description) {}
