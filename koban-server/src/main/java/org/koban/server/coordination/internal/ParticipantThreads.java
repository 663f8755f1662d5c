package org.koban.server.coordination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.ParticipantNotice;
import org.koban.server.coordination.ThreadEntry;
import org.koban.server.identity.MailRecipient;
import org.koban.server.identity.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each participant's thread ({@code participant_thread}) and the mail that tells their party something is new.
 * Mail carries our reference, theirs and a link to the portal, never case content: the content stays behind the
 * sign-in even when the mail is encrypted.
 */
@Component
class ParticipantThreads {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    ParticipantThreads(
            JdbcClient jdbc,
            Clock clock,
            Users users,
            ApplicationEventPublisher events,
            org.koban.server.shared.PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.events = events;
        this.publicUrl = publicUrl.base();
    }

    UUID append(
            UUID participantId,
            String kind,
            @Nullable Actor author,
            boolean fromParty,
            String body,
            @Nullable UUID fileId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into participant_thread (id, participant_id, at, kind, author_id, author_name, from_party,
                            body, file_id)
                        values (:id, :participant, :at, :kind, :authorId, :authorName, :fromParty, :body, :fileId)
                        """)
                .param("id", id)
                .param("participant", participantId)
                .param("at", Timestamp.from(clock.instant()))
                .param("kind", kind)
                .param("authorId", author == null ? null : author.id())
                .param("authorName", author == null ? "Koban" : author.name())
                .param("fromParty", fromParty)
                .param("body", body)
                .param("fileId", fileId)
                .update();
        return id;
    }

    /** Writes the same entry in every participant's thread of the case and tells each party. */
    void appendToAll(UUID caseId, String kind, @Nullable Actor author, String body, String noticeSubject) {
        List<UUID> participants = jdbc.sql("select id from case_participant where case_id = :id order by created_at")
                .param("id", caseId)
                .query(UUID.class)
                .list();
        for (UUID participantId : participants) {
            append(participantId, kind, author, false, body, null);
            notifyParty(participantId, noticeSubject);
        }
    }

    List<ThreadEntry> entries(UUID participantId) {
        return jdbc.sql("select * from participant_thread where participant_id = :id order by at, id")
                .param("id", participantId)
                .query((rs, n) -> new ThreadEntry(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("author_name"),
                        rs.getBoolean("from_party"),
                        rs.getString("body"),
                        rs.getObject("file_id", UUID.class)))
                .list();
    }

    /** A notice that something is new for the party on the case, with a link to the portal. */
    void notifyParty(UUID participantId, String subject) {
        Party party = party(participantId);
        if (party.emails().isEmpty()) return;
        String theirs = party.theirReference() == null ? "" : " (your reference " + party.theirReference() + ")";
        events.publishEvent(new ParticipantNotice(
                party.emails(),
                party.pgpKey(),
                subject + ": " + party.caseReference() + theirs,
                "Dear " + party.name() + ",\n\n" + subject + " on our case " + party.caseReference() + theirs
                        + ".\nRead it on our participant portal:\n" + publicUrl + "/portal/cases/" + participantId
                        + "\n",
                false));
    }

    /** The invitation's link goes only to the invited person. */
    void sendInvitation(UUID participantId, String email, String displayName, String secret) {
        Party party = party(participantId);
        String theirs = party.theirReference() == null ? "" : " (your reference " + party.theirReference() + ")";
        events.publishEvent(new ParticipantNotice(
                List.of(email),
                party.pgpKey(),
                "Invitation to coordinate case " + party.caseReference() + theirs,
                "Dear " + displayName + ",\n\nour PSIRT invites you, for " + party.name()
                        + ", to coordinate case " + party.caseReference() + theirs
                        + " on our participant portal.\nChoose your password here (the link is valid "
                        + org.koban.server.coordination.Sharing.INVITATION_DAYS + " days and works once):\n"
                        + publicUrl + "/invitations/" + secret + "\n\n"
                        + "This link is a key to your party's cases: do not pass it on.\n",
                true));
    }

    record Party(
            String name,
            String caseReference,
            @Nullable String theirReference,
            @Nullable String pgpKey,
            List<String> emails) {}

    Party party(UUID participantId) {
        var row = jdbc.sql("""
                        select y.id as party_id, y.name, y.pgp_key, p.their_reference, c.reference
                        from case_participant p join party y on y.id = p.party_id join psirt_case c on c.id = p.case_id
                        where p.id = :id
                        """)
                .param("id", participantId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("party_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("pgp_key"),
                    rs.getString("their_reference"),
                    rs.getString("reference")
                })
                .single();
        UUID partyId = (UUID) row[0];
        Set<String> emails = new LinkedHashSet<>();
        for (MailRecipient member : users.partyMembers(partyId)) emails.add(member.email());
        emails.addAll(jdbc.sql("select email from party_contact where party_id = :id and email is not null"
                        + " order by position")
                .param("id", partyId)
                .query(String.class)
                .list());
        return new Party((String) row[1], (String) row[4], (String) row[3], (String) row[2], new ArrayList<>(emails));
    }
}
