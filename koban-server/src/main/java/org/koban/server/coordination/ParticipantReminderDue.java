package org.koban.server.coordination;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A participant has not answered for some vulnerabilities and their reminder is due. Published in the
 * transaction that records the reminder, for the mail outbox. Carries no case content: a reminder must be safe
 * to send even if a mailbox is read by the wrong person.
 */
public record ParticipantReminderDue(
        UUID caseId,
        String caseReference,
        @Nullable String theirReference,
        String partyName,
        List<String> emails,
        @Nullable String pgpKey,
        int unanswered) {}
