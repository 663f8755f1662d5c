package org.koban.server.intake;

import java.time.Instant;
import java.util.UUID;

/** A proof-of-concept file as analysts see it: never its content, which is only ever downloaded. */
public record ReportAttachment(
        UUID id, UUID reportId, String fileName, String contentType, long size, String sha256, Instant createdAt) {}
