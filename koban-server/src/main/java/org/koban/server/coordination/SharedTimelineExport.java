package org.koban.server.coordination;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable record of what a case shares with one participant and everything that happened between
 * them: the same for the PSIRT and for the participant. {@code format} names this layout's version.
 */
public record SharedTimelineExport(
        String format,
        Instant exportedAt,
        String caseReference,
        @Nullable String theirReference,
        String party,
        String role,
        @Nullable String title,
        @Nullable String summary,
        List<SharedCase.Vulnerability> vulnerabilities,
        List<SharedCase.SharedFile> files,
        List<ParticipantFile> uploads,
        EmbargoView embargo,
        List<ThreadEntry> timeline) {

    public static final String FORMAT = "koban-shared-timeline/1";
}
