package org.koban.server.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published in the submitting transaction when a report arrives, so listeners (the mail outbox) commit or
 * roll back with it. The tracking URL carries the reporter's capability: a listener may send it to the
 * reporter's own address and must not keep it anywhere else.
 */
public record ReportReceived(
        UUID reportId,
        String reference,
        Instant receivedAt,
        @Nullable String reporterEmail,
        @Nullable String reporterPgpKey,
        String trackingUrl) {}
