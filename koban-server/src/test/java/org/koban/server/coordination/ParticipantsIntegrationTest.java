package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TimelineEntry;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Outside parties on a case: their reference beside ours, their answers, and who may see and change them. */
@KobanIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class ParticipantsIntegrationTest {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

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

    @Autowired
    MockMvc mvc;

    private PartyView party(Actor actor, String name, PartyKind kind) {
        return parties.create(
                actor, new PartyCommand(Fixtures.unique(name), kind, "JP", null, null, List.of(), null, null));
    }

    @Test
    void aCoordinatorJoinsWithTheirReferenceAndAnswersPerVulnerability() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var line = fixtures.line();
        var version = fixtures.version(fixtures.product(line), "1.0");
        var c = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "coordinated", null, false).reference()),
                "Coordinated");
        var v1 = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Overflow", null, null, null, null, null));
        var v2 = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Bypass", null, null, null, null, null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v1.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        PartyView jpcert = party(analyst, "JPCERT/CC", PartyKind.COORDINATOR);
        PartyView vendor = party(analyst, "Other vendor", PartyKind.VENDOR);

        ParticipantView coordinator = participants.add(
                analyst,
                c.id(),
                jpcert.id(),
                ParticipantRole.COORDINATOR,
                "JVNVU#12345678",
                Instant.now().minusSeconds(3600));
        assertThat(coordinator.theirReference()).isEqualTo("JVNVU#12345678");
        assertThat(coordinator.viewedAt()).isNull();
        assertThat(coordinator.answers())
                .extracting(ParticipantView.Answer::status)
                .containsExactly(ParticipantStatus.NO_RESPONSE, ParticipantStatus.NO_RESPONSE);
        assertThatThrownBy(() -> participants.add(analyst, c.id(), jpcert.id(), ParticipantRole.CNA, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> participants.add(
                        analyst,
                        c.id(),
                        java.util.UUID.randomUUID(),
                        null,
                        null,
                        Instant.now().plusSeconds(86_400)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("role", "partyId", "firstContactedAt"));

        ParticipantView other = participants.add(analyst, c.id(), vendor.id(), ParticipantRole.VENDOR, null, null);
        assertThatThrownBy(() -> participants.answer(
                        analyst, c.id(), other.id(), v2.id(), ParticipantStatus.NOT_AFFECTED, " ", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("why");
        assertThatThrownBy(() -> participants.answer(
                        analyst,
                        c.id(),
                        other.id(),
                        v2.id(),
                        ParticipantStatus.AFFECTED,
                        null,
                        List.of("javascript:alert(1)")))
                .isInstanceOf(InvalidInputException.class);
        ParticipantView answered = participants.answer(
                analyst,
                c.id(),
                other.id(),
                v2.id(),
                ParticipantStatus.NOT_AFFECTED,
                "We do not ship the affected library.",
                List.of("https://vendor.example/psirt/notes/1"));
        assertThat(answered.answers())
                .filteredOn(a -> a.vulnerabilityId().equals(v2.id()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ParticipantStatus.NOT_AFFECTED);
                    assertThat(a.references()).containsExactly("https://vendor.example/psirt/notes/1");
                });
        assertThat(cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 50)).items())
                .extracting(TimelineEntry::kind)
                .contains("participant.added", "participant.answer");

        // Line people who see the case see who is on it; they change nothing; other lines see nothing.
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, line);
        assertThat(participants.list(engineer, c.id())).hasSize(2);
        assertThatThrownBy(() -> participants.remove(engineer, c.id(), other.id()))
                .isInstanceOf(AccessDeniedException.class);
        Actor stranger = fixtures.actor(Role.LINE_ENGINEER, fixtures.line());
        assertThatThrownBy(() -> participants.list(stranger, c.id())).isInstanceOf(NotFoundException.class);

        // A party on a case stays in the directory.
        assertThatThrownBy(() -> parties.delete(analyst, jpcert.id())).isInstanceOf(InvalidInputException.class);
        participants.remove(analyst, c.id(), coordinator.id());
        parties.delete(analyst, jpcert.id());
    }

    @Test
    void theCoordinationPageShowsTheirReferenceBesideOursAndKeepsInputOnError() throws Exception {
        UserView analystUser = fixtures.user(Role.PSIRT_ANALYST);
        Actor analyst = Fixtures.actorOf(analystUser);
        var c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "page", null, false).reference()), "Page");
        PartyView twcert = party(analyst, "TWCERT/CC", PartyKind.COORDINATOR);
        participants.add(analyst, c.id(), twcert.id(), ParticipantRole.CNA, "TVN-202612001", null);
        var login = mvc.perform(post("/login")
                        .param("email", analystUser.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookies();
        mvc.perform(get("/cases/" + c.id() + "/coordination").cookie(login))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("TVN-202612001")))
                .andExpect(content().string(Matchers.containsString(c.reference())))
                .andExpect(content().string(Matchers.containsString("No embargo")));
        mvc.perform(post("/cases/" + c.id() + "/embargo/proposal")
                        .cookie(login)
                        .with(csrf())
                        .param("end", "2020-01-01T00:00")
                        .param("timeZone", "UTC"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("future")));
        mvc.perform(get("/cases/" + c.id() + "/embargo").cookie(login))
                .andExpect(redirectedUrl("/cases/" + c.id() + "/coordination"));
        mvc.perform(post("/cases/" + c.id() + "/embargo/proposal")
                        .cookie(login)
                        .with(csrf())
                        .param(
                                "end",
                                java.time.LocalDateTime.now()
                                        .plusDays(20)
                                        .withNano(0)
                                        .withSecond(0)
                                        .toString())
                        .param("timeZone", "Asia/Taipei"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/" + c.id() + "/coordination").cookie(login))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("answers to the proposed end")))
                .andExpect(content().string(Matchers.containsString("no answer yet")))
                .andExpect(content().string(Matchers.containsString("Asia/Taipei")));
        var participant = participants.list(analyst, c.id()).get(0);
        mvc.perform(post("/cases/" + c.id() + "/embargo/responses/" + participant.id())
                        .cookie(login)
                        .with(csrf())
                        .param("accepted", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/" + c.id() + "/coordination").cookie(login))
                .andExpect(content().string(Matchers.containsString("accepted on")));
    }

    @Test
    void participantsWhoHaveNotAnsweredAreRemindedOnTheirScheduleOnly() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "remind", null, false).reference()), "Remind");
        var v = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Overflow", null, null, null, null, null));
        String email = Fixtures.unique("desk") + "@example.jp";
        PartyView party = parties.create(
                analyst,
                new PartyCommand(
                        Fixtures.unique("JPCERT/CC"),
                        PartyKind.COORDINATOR,
                        "JP",
                        null,
                        null,
                        List.of(new PartyContact("Desk", email, null)),
                        null,
                        null));
        Instant contacted = Instant.now();
        ParticipantView p =
                participants.add(analyst, c.id(), party.id(), ParticipantRole.COORDINATOR, "JVNVU#1", contacted);
        assertThatThrownBy(() -> participants.remindEvery(analyst, c.id(), p.id(), 0))
                .isInstanceOf(InvalidInputException.class);
        participants.remindEvery(analyst, c.id(), p.id(), 7);

        participants.sendDueReminders(contacted.plus(java.time.Duration.ofDays(6)));
        assertThat(events.stream(ParticipantReminderDue.class)
                        .filter(e -> e.caseId().equals(c.id())))
                .isEmpty();
        participants.sendDueReminders(contacted.plus(java.time.Duration.ofDays(8)));
        assertThat(events.stream(ParticipantReminderDue.class)
                        .filter(e -> e.caseId().equals(c.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.emails()).containsExactly(email);
                    assertThat(e.theirReference()).isEqualTo("JVNVU#1");
                    assertThat(e.unanswered()).isEqualTo(1);
                });
        // The outbox has the mail (sent when SMTP is configured).
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r and kind = 'PARTICIPANT_REMINDER'")
                        .param("r", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Not again before the next interval; and not at all once they have answered.
        participants.sendDueReminders(contacted.plus(java.time.Duration.ofDays(9)));
        assertThat(events.stream(ParticipantReminderDue.class)
                        .filter(e -> e.caseId().equals(c.id())))
                .hasSize(1);
        participants.answer(analyst, c.id(), p.id(), v.id(), ParticipantStatus.UNDER_INVESTIGATION, null, null);
        participants.sendDueReminders(contacted.plus(java.time.Duration.ofDays(30)));
        assertThat(events.stream(ParticipantReminderDue.class)
                        .filter(e -> e.caseId().equals(c.id())))
                .hasSize(1);
        assertThat(participants.list(analyst, c.id()).get(0).remindEveryDays()).isEqualTo(7);
    }

    @Autowired
    Recognitions recognitions;

    @Test
    void aThirdPartysRecognitionIsRecordedWithItsIdAndNote() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var c = cases.openFromReport(
                analyst,
                reportId(jdbc, submit(intake, "recognised", null, false).reference()),
                "Recognised");
        PartyView jpcert = party(analyst, "JPCERT/CC", PartyKind.COORDINATOR);
        assertThatThrownBy(() -> recognitions.record(
                        analyst,
                        c.id(),
                        jpcert.id(),
                        " ",
                        "javascript:alert(1)",
                        java.time.LocalDate.now().plusDays(30)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("url", "confirmedOn"));
        Recognition r = recognitions.record(
                analyst, c.id(), jpcert.id(), "JVNVU#12345678", "https://jvn.jp/vu/JVNVU12345678/", null);
        assertThat(r.partyName()).isEqualTo(jpcert.name());
        assertThat(recognitions.list(analyst, c.id()))
                .extracting(Recognition::theirId)
                .containsExactly("JVNVU#12345678");
        assertThat(cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 10)).items())
                .extracting(TimelineEntry::kind)
                .contains("recognition.recorded");
        Actor viewer = fixtures.actor(Role.VIEWER, fixtures.line());
        assertThatThrownBy(() -> recognitions.list(viewer, c.id())).isInstanceOf(NotFoundException.class);
        recognitions.remove(analyst, c.id(), r.id());
        assertThat(recognitions.list(analyst, c.id())).isEmpty();
    }
}
