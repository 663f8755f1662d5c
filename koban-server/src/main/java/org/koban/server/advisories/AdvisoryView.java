package org.koban.server.advisories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An advisory as its authors and reviewers see it.
 *
 * @param version the number of the last published revision (0 before the first publication)
 * @param editors who changed the revision being prepared: with the four-eyes rule none of them may approve it
 * @param publishAt when an approved advisory is to be published by itself, if scheduled
 * @param publishAtEmbargoEnd whether it is to be published when the case's embargo ends
 */
public record AdvisoryView(
        UUID id,
        UUID caseId,
        String caseReference,
        String trackingId,
        AdvisoryState state,
        String title,
        String summary,
        @Nullable String impact,
        @Nullable String fix,
        @Nullable String fixUrl,
        @Nullable String workaround,
        @Nullable String mitigation,
        List<String> references,
        String tlp,
        int version,
        @Nullable String revisionSummary,
        List<String> editors,
        @Nullable String approvedBy,
        @Nullable String changesRequested,
        @Nullable Instant initialReleaseDate,
        @Nullable Instant currentReleaseDate,
        @Nullable Instant publishAt,
        boolean publishAtEmbargoEnd,
        Instant createdAt,
        Instant updatedAt,
        List<Revision> revisions) {

    /** A published revision: its number, date and what changed. */
    public record Revision(int number, Instant date, String summary) {}

    /** The CSAF file name that section 5.1 requires: the tracking id, lower case, other characters as {@code _}. */
    public String csafFileName() {
        return PublishedAdvisory.fileName(trackingId);
    }
}
