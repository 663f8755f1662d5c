package org.koban.server.coordination;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a participant's thread on a case: a message either way, a file they uploaded, or something that
 * concerns them (what was shared, the embargo, their answers). This is the participant's whole view of the
 * case's history; internal notes never come here.
 *
 * @param kind {@code message}, {@code file}, {@code share}, {@code answer} or {@code embargo}
 * @param fromParty whether the participant's side wrote it
 */
public record ThreadEntry(
        UUID id,
        Instant at,
        String kind,
        String authorName,
        boolean fromParty,
        String body,
        @Nullable UUID fileId) {}
