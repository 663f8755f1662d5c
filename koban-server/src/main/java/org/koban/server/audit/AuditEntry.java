package org.koban.server.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the audit log, as recorded. {@code before} and {@code after} are canonical JSON. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        UUID actorId,
        String actorName,
        String action,
        String entityType,
        String entityId,
        @Nullable String before,
        @Nullable String after,
        String previousHash,
        String hash) {}
