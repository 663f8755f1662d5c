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
        @Nullable CaseLink caseLink,
        java.time.Duration age) {

    /** The age in the queue's words: "3 d 4 h", "5 h", "12 min". */
    public String ageText() {
        long minutes = age.toMinutes();
        if (minutes < 60) return Math.max(0, minutes) + " min";
        if (minutes < 24 * 60) return (minutes / 60) + " h";
        return (minutes / (24 * 60)) + " d " + (minutes % (24 * 60)) / 60 + " h";
    }
}
