package org.koban.server.coordination;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case as one participant sees it on the portal: only what the case shares with them, their own thread and
 * files, and the embargo with their own answer (never another participant's).
 *
 * @param title null unless the summary is shared
 * @param summary null unless the summary is shared
 */
public record SharedCase(
        UUID participantId,
        UUID caseId,
        String caseReference,
        @Nullable String title,
        @Nullable String summary,
        String partyName,
        ParticipantRole role,
        @Nullable String theirReference,
        List<Vulnerability> vulnerabilities,
        List<SharedFile> files,
        List<ParticipantFile> uploads,
        List<ReporterContact> reporterContacts,
        EmbargoView embargo,
        List<ThreadEntry> thread) {

    /** A shared vulnerability with the participant's own answer for it. */
    public record Vulnerability(
            UUID id,
            String title,
            String description,
            @Nullable String cweId,
            @Nullable String cweName,
            @Nullable String cvss3Vector,
            @Nullable BigDecimal cvss3Score,
            @Nullable String cvss4Vector,
            @Nullable BigDecimal cvss4Score,
            @Nullable String cve,
            ParticipantView.Answer answer) {}

    /** A reporter's file shared with the participant. */
    public record SharedFile(UUID id, String fileName, long size, String sha256, Instant receivedAt) {}

    /** A reporter who agreed that their contact may be passed on. */
    public record ReporterContact(
            @Nullable String name,
            @Nullable String organisation,
            @Nullable String email) {}

    /** The display title: the shared title, or only our reference. */
    public String heading() {
        return title == null ? "Case " + caseReference : caseReference + ": " + title;
    }
}
