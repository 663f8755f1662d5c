package org.koban.server.coordination;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * The embargo of each case, one state machine ({@link EmbargoState}). Everyone who may see the case sees its
 * embargo; the PSIRT proposes, records acceptance or rejection, revises and ends it. Every step is audited and
 * written on the case's timeline. It ends by itself at its date (a scheduled check) and at once when the case
 * learns the vulnerability or an exploit is public, or attacks are observed.
 */
public interface Embargoes {

    /** The longest embargo Koban accepts: a year. */
    int MAX_DAYS = 365;

    EmbargoView get(Actor actor, UUID caseId);

    /**
     * @param end the local date and time of the end in {@code timeZone}
     * @param timeZone an IANA zone id, e.g. {@code Asia/Tokyo}
     */
    EmbargoView propose(Actor actor, UUID caseId, @Nullable LocalDateTime end, @Nullable String timeZone);

    EmbargoView accept(Actor actor, UUID caseId);

    /**
     * Records one participant's answer to the proposal (or revision) on the table; the overall decision is still
     * {@link #accept} or {@link #reject}.
     */
    EmbargoView respond(Actor actor, UUID caseId, UUID participantId, boolean accepted);

    EmbargoView reject(Actor actor, UUID caseId);

    EmbargoView revise(Actor actor, UUID caseId, @Nullable LocalDateTime end, @Nullable String timeZone);

    EmbargoView end(Actor actor, UUID caseId, @Nullable String reason);

    /** Ends every binding embargo whose end has passed; returns how many. Called by the scheduled check. */
    int endExpired(Instant now);
}
