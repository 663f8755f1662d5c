package org.koban.server.coordination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A party on a case, with their own reference for it (e.g. JVNVU#12345678, TVN-202612001, VU#123456) shown beside
 * ours, when we first contacted them, whether they have looked at the case, and their answer per vulnerability.
 */
public record ParticipantView(
        UUID id,
        UUID caseId,
        UUID partyId,
        String partyName,
        ParticipantRole role,
        @Nullable String theirReference,
        @Nullable Instant firstContactedAt,
        @Nullable Instant viewedAt,
        @Nullable Integer remindEveryDays,
        @Nullable Instant lastRemindedAt,
        List<Answer> answers) {

    /** Their status for one vulnerability of the case ("no response yet" until they say otherwise). */
    public record Answer(
            UUID vulnerabilityId,
            String vulnerabilityTitle,
            ParticipantStatus status,
            @Nullable String statement,
            List<String> references,
            @Nullable Instant updatedAt) {}
}
