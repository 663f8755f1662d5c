package org.koban.server.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.Participants;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyContact;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.Sharing;
import org.koban.server.intake.Intake;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail to outside participants: encrypted to their party's OpenPGP key when it has one, so the invitation's link
 * and the notices travel only as ciphertext; in clear otherwise. The team hears of their answers.
 */
@KobanIntegrationTest
class ParticipantMailIntegrationTest {

    @Autowired
    Sharing sharing;

    @Autowired
    Participants participants;

    @Autowired
    Parties parties;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    record Row(String kind, String subject, String body, boolean encrypted) {}

    private List<Row> rows(String recipient) {
        return jdbc.sql(
                        "select kind, subject, body, encrypted from mail_outbox where recipient = :r order by created_at")
                .param("r", recipient)
                .query((rs, n) -> new Row(
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getBoolean("encrypted")))
                .list();
    }

    @Test
    void invitationsAndNoticesAreEncryptedToThePartysKey() throws Exception {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "Mail test", null, false).reference()), "Mail test");
        String desk = Fixtures.unique("desk") + "@cert.example";
        OpenPGPKey key = TestKeys.reporterKey(desk);
        var party = parties.create(
                analyst,
                new PartyCommand(
                        Fixtures.unique("Keyed CERT"),
                        PartyKind.COORDINATOR,
                        "JP",
                        null,
                        null,
                        List.of(new PartyContact("Desk", desk, null)),
                        TestKeys.publicKey(key),
                        null));
        var participant = participants.add(analyst, c.id(), party.id(), ParticipantRole.COORDINATOR, "JVNVU#1", null);
        String person = Fixtures.unique("person") + "@cert.example";
        sharing.invite(analyst, c.id(), participant.id(), person, "Person");

        Row invitation = rows(person).getFirst();
        assertThat(invitation.kind()).isEqualTo("PARTICIPANT_NOTICE");
        assertThat(invitation.encrypted()).isTrue();
        assertThat(invitation.body()).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("/invitations/");
        assertThat(invitation.subject()).doesNotContain(c.reference());
        String clear = (String)
                new MimeBodyPart(new ByteArrayInputStream(TestKeys.decrypt(key, invitation.body()))).getContent();
        assertThat(clear).contains("/invitations/").contains(c.reference()).contains("JVNVU#1");

        sharing.write(analyst, c.id(), participant.id(), "Confidential detail of the case");
        Row notice = rows(desk).getLast();
        assertThat(notice.encrypted()).isTrue();
        String text =
                (String) new MimeBodyPart(new ByteArrayInputStream(TestKeys.decrypt(key, notice.body()))).getContent();
        // The notice points to the portal; the message itself stays behind the sign-in.
        assertThat(text).contains("/portal/cases/" + participant.id()).doesNotContain("Confidential detail");
    }

    @Test
    void withoutAKeyTheNoticeIsInClearAndCarriesNoCaseContent() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "Plain mail", null, false).reference()),
                "Plain mail");
        String desk = Fixtures.unique("plain") + "@vendor.example";
        var party = parties.create(
                analyst,
                new PartyCommand(
                        Fixtures.unique("Plain vendor"),
                        PartyKind.VENDOR,
                        "DE",
                        null,
                        null,
                        List.of(new PartyContact("PSIRT", desk, null)),
                        null,
                        null));
        var participant = participants.add(analyst, c.id(), party.id(), ParticipantRole.VENDOR, null, null);
        sharing.write(analyst, c.id(), participant.id(), "Secret detail");
        Row notice = rows(desk).getLast();
        assertThat(notice.encrypted()).isFalse();
        assertThat(notice.body()).contains(c.reference()).doesNotContain("Secret detail");
    }
}
