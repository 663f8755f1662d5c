package org.koban.server.coordination;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the participant portal's list of cases. {@code title} is null unless the summary is shared. */
public record SharedCaseSummary(
        UUID participantId,
        String caseReference,
        @Nullable String title,
        String partyName,
        ParticipantRole role,
        @Nullable String theirReference,
        EmbargoState embargoState,
        @Nullable ZonedDateTime embargoEnd,
        int sharedVulnerabilities,
        int unanswered,
        Instant lastActivity) {}
