package org.koban.server.coordination;

import java.time.Instant;
import java.util.UUID;

/** A file a participant uploaded: stored encrypted, downloaded only as an opaque attachment. */
public record ParticipantFile(UUID id, String fileName, long size, String sha256, Instant uploadedAt) {}
