package org.koban.server.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.sla.SlaClock;

/** A line of the triage queue. {@code excerpt} is the reporter's text, hostile until escaped. */
public record ReportSummary(
        UUID id,
        String reference,
        Instant receivedAt,
        ReportState state,
        @Nullable String product,
        @Nullable String version,
        String excerpt,
        int attachmentCount,
        boolean alreadyPublic,
        boolean exploited,
        SlaClock acknowledgement,
        SlaClock triage,
        @Nullable CaseLink caseLink) {}
