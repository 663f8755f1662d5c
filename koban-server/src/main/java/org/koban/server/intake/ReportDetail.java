package org.koban.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.sla.SlaClock;

/** A report as the PSIRT sees it, as received, with its conversation, files and clocks. */
public record ReportDetail(
        UUID id,
        String reference,
        Instant receivedAt,
        ReportState state,
        @Nullable UUID productId,
        @Nullable String product,
        @Nullable String version,
        String description,
        @Nullable String impact,
        @Nullable String stepsToReproduce,
        boolean alreadyPublic,
        boolean exploited,
        List<String> references,
        @Nullable String disclosurePlans,
        @Nullable String reporterName,
        @Nullable String reporterOrganisation,
        @Nullable String reporterEmail,
        boolean hasPgpKey,
        @Nullable String creditAs,
        boolean shareContact,
        @Nullable CloseReason closeReason,
        @Nullable String forwardedTo,
        @Nullable String closeNote,
        @Nullable CaseLink caseLink,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant triagedAt,
        SlaClock acknowledgement,
        SlaClock triage,
        List<ReportMessage> messages,
        List<ReportAttachment> attachments) {

    /** A short title for a case opened from this report: product and the first line of the description. */
    public String suggestedTitle() {
        String first = description.strip().lines().findFirst().orElse("").strip();
        if (first.length() > 120) first = first.substring(0, 117) + "…";
        return product == null ? first : product + ": " + first;
    }
}
