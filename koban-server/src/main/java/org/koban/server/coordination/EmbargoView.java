package org.koban.server.coordination;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case's embargo. Ends are kept with the time zone they were proposed in, and shown in that zone and in UTC.
 *
 * @param end the agreed end while active or revising; the last agreed end once ended
 * @param proposedEnd the end on the table while proposed or revising
 */
public record EmbargoView(
        UUID caseId,
        EmbargoState state,
        @Nullable ZonedDateTime end,
        @Nullable ZonedDateTime proposedEnd,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable Instant updatedAt,
        java.util.List<Response> responses) {

    /** A participant's answer to the proposal on the table. */
    public record Response(UUID participantId, String partyName, boolean accepted, Instant respondedAt) {}

    /** The participant's answer to the proposal on the table, or null. */
    public @Nullable Response responseOf(UUID participantId) {
        return responses.stream()
                .filter(r -> r.participantId().equals(participantId))
                .findFirst()
                .orElse(null);
    }

    public static EmbargoView none(UUID caseId) {
        return new EmbargoView(caseId, EmbargoState.NONE, null, null, null, null, null, java.util.List.of());
    }
}
