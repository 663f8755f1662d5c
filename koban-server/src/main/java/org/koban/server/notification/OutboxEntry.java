package org.koban.server.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mail in the outbox as the admin sees it. Never carries the body: it may hold a reporter's secret link. */
public record OutboxEntry(
        UUID id,
        MailKind kind,
        String recipient,
        String subject,
        boolean encrypted,
        @Nullable String encryptionProblem,
        MailState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {}
