package org.koban.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.Severity;

/** A case in a list: the highest severity of its vulnerabilities, and its earliest open task due date. */
public record CaseSummary(
        UUID id,
        String reference,
        String title,
        CaseState state,
        @Nullable Severity severity,
        Instant openedAt,
        Instant updatedAt,
        int vulnerabilityCount,
        int openTasks,
        @Nullable LocalDate nextDue) {}
