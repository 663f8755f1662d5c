package org.koban.server.sla;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A target is near (warning) or past (breach). Sent once per target and level by the SLA job. Who hears it:
 * the owner when there is one, else the engineers of the line, else the PSIRT team.
 *
 * @param reference what the target is on, e.g. {@code KOBAN-R-2026-0001} or {@code KOBAN-C-2026-0003}
 * @param target what is due, in words, e.g. "Acknowledge the report" or "Fix on line Main boards"
 * @param path the path of the page to open, relative to the public URL, e.g. {@code /cases/…}
 */
public record SlaAlert(
        Level level,
        String reference,
        String target,
        Instant dueAt,
        @Nullable UUID ownerUserId,
        @Nullable UUID lineId,
        String path) {

    public enum Level {
        WARNING,
        BREACH
    }
}
