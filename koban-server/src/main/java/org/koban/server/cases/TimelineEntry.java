package org.koban.server.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event on a case: a change, a note, a message, a file. {@code internal} entries are never shown outside
 * the organisation; the others (messages to the reporter) were shared.
 */
public record TimelineEntry(
        long id, Instant at, @Nullable String actorName, String kind, boolean internal, String text) {}
