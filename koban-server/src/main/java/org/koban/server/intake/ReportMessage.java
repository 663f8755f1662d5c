package org.koban.server.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message on a report: from the reporter (through the tracking link) or from the PSIRT. Internal notes are
 * never shown to the reporter.
 */
public record ReportMessage(
        UUID id, Author author, @Nullable String authorName, boolean internal, String body, Instant at) {

    public enum Author {
        REPORTER,
        PSIRT
    }
}
