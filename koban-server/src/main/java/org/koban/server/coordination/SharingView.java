package org.koban.server.coordination;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a case shares with one participant, who of their party has an account, and the invitations sent.
 *
 * @param reporterConsented whether at least one reporter of the case agreed that their contact may be passed
 *     on; without it the reporters' contact cannot be shared
 */
public record SharingView(
        UUID participantId,
        String partyName,
        boolean summary,
        boolean reporterContact,
        boolean reporterConsented,
        Set<UUID> vulnerabilityIds,
        Set<UUID> attachmentIds,
        List<Member> members,
        List<InvitationView> invitations) {

    /** A person of the party with a portal account. */
    public record Member(UUID userId, String displayName, String email) {}

    public record InvitationView(
            UUID id,
            String email,
            String displayName,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant acceptedAt) {}
}
