package org.koban.server.intake;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something the reporter should hear about (a message from the PSIRT, a question, a decision on their
 * report, progress of the case it became). Published only when the reporter left an email address, in the
 * transaction that made the change. The text is plain text written by Koban or by the PSIRT, never HTML.
 */
public record ReporterNotified(
        UUID reportId,
        String reference,
        String reporterEmail,
        @Nullable String reporterPgpKey,
        String subject,
        String text) {}
