package org.koban.server.coordination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * Outside parties on a case. Everyone who may see the case sees its participants; the PSIRT adds them, keeps
 * their reference and contact date, and records their answers. Every change is audited and on the timeline.
 */
public interface Participants {

    List<ParticipantView> list(Actor actor, UUID caseId);

    ParticipantView add(
            Actor actor,
            UUID caseId,
            UUID partyId,
            @Nullable ParticipantRole role,
            @Nullable String theirReference,
            @Nullable Instant firstContactedAt);

    ParticipantView update(
            Actor actor,
            UUID caseId,
            UUID participantId,
            @Nullable String theirReference,
            @Nullable Instant firstContactedAt);

    void remove(Actor actor, UUID caseId, UUID participantId);

    /**
     * Reminds the participant every so many days (1 to 90) while any vulnerability lacks their answer; null
     * stops the reminders.
     */
    ParticipantView remindEvery(Actor actor, UUID caseId, UUID participantId, @Nullable Integer days);

    /** Sends the reminders that are due at {@code now}; returns how many. Called by a scheduled check. */
    int sendDueReminders(Instant now);

    /** Records a participant's status for one vulnerability, with their statement and references. */
    ParticipantView answer(
            Actor actor,
            UUID caseId,
            UUID participantId,
            UUID vulnerabilityId,
            @Nullable ParticipantStatus status,
            @Nullable String statement,
            @Nullable List<String> references);
}
