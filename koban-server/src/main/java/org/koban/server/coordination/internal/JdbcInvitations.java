package org.koban.server.coordination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.coordination.Invitations;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcInvitations implements Invitations {

    private record Open(UUID id, UUID participantId, UUID caseId, UUID partyId, Invitation invitation) {}

    private final JdbcClient jdbc;
    private final Users users;
    private final CaseTimeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    JdbcInvitations(JdbcClient jdbc, Users users, CaseTimeline timeline, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Invitation> find(String secret) {
        return open(secret, false).map(Open::invitation);
    }

    @Override
    @Transactional
    public UUID accept(
            String secret, @Nullable String displayName, @Nullable String password, @Nullable String timeZone) {
        // Locked, so that two tabs accepting the same link create one account.
        Open open = open(secret, true).orElseThrow(() -> new NotFoundException("Invitation", "this link"));
        String name =
                displayName == null || displayName.isBlank() ? open.invitation().displayName() : displayName;
        // Refused with the fields that are wrong (InvalidInputException); the invitation stays open.
        UserView user = users.createParticipant(open.invitation().email(), name, password, open.partyId(), timeZone);
        jdbc.sql("update participant_invitation set accepted_at = :now, user_id = :user where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("user", user.id())
                .param("id", open.id())
                .update();
        Actor newcomer = new Actor(
                user.id(),
                user.displayName(),
                Actor.Kind.USER,
                user.roles(),
                user.lineIds(),
                java.util.Set.of(open.partyId()));
        timeline.record(
                newcomer,
                open.caseId(),
                "participant.joined",
                true,
                user.displayName() + " of " + open.invitation().partyName()
                        + " accepted the invitation to the portal.");
        audit.record(
                newcomer,
                "participant.invitation-accepted",
                "participant-invitation",
                open.id(),
                null,
                Map.of("user", user.id().toString()));
        return user.id();
    }

    private Optional<Open> open(@Nullable String secret, boolean lock) {
        if (secret == null || secret.length() != 43) return Optional.empty();
        return jdbc.sql("""
                        select i.id, i.participant_id, i.email, i.display_name, p.case_id, p.party_id, y.name as party_name,
                               c.reference
                        from participant_invitation i
                        join case_participant p on p.id = i.participant_id
                        join party y on y.id = p.party_id
                        join psirt_case c on c.id = p.case_id
                        where i.token_hash = :hash and i.accepted_at is null and i.expires_at > :now
                        """ + (lock ? " for update of i" : ""))
                .param("hash", Secrets.hash(secret))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Open(
                        rs.getObject("id", UUID.class),
                        rs.getObject("participant_id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getObject("party_id", UUID.class),
                        new Invitation(
                                rs.getString("email"),
                                rs.getString("display_name"),
                                rs.getString("party_name"),
                                rs.getString("reference"))))
                .optional();
    }
}
