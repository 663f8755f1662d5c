package org.koban.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A production line's remediation task on a case. */
public record TaskView(
        UUID id,
        UUID caseId,
        UUID lineId,
        String lineName,
        TaskState state,
        @Nullable UUID ownerId,
        @Nullable String ownerName,
        LocalDate due,
        @Nullable String fixedVersions,
        @Nullable String reason,
        Instant createdAt,
        Instant updatedAt) {

    public boolean overdueOn(LocalDate today) {
        return state.isOpen() && due.isBefore(today);
    }
}
