package org.koban.server.cases;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record VersionStatusView(
        UUID versionId,
        String productName,
        String version,
        UUID lineId,
        VersionStatus status,
        @Nullable NotAffectedJustification justification,
        @Nullable String statement,
        Instant updatedAt) {}
