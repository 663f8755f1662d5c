package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseFact;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TimelineEntry;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.intake.Intake;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A case's embargo on PostgreSQL: the steps, their checks, early termination and the end at its date. */
@KobanIntegrationTest
class EmbargoIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    Embargoes embargoes;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor analyst;
    CaseDetail c;

    @BeforeEach
    void setUp() {
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
        c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "embargo", null, false).reference()), "Embargoed");
    }

    private static LocalDateTime inDays(int days) {
        return LocalDateTime.now(TOKYO).plusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void proposalsAreCheckedAndKeepTheirTimeZone() {
        assertThat(embargoes.get(analyst, c.id()).state()).isEqualTo(EmbargoState.NONE);
        assertThatThrownBy(() -> embargoes.propose(analyst, c.id(), inDays(-1), "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("timeZone"));
        assertThatThrownBy(() -> embargoes.propose(analyst, c.id(), inDays(-1), "Asia/Tokyo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> embargoes.propose(analyst, c.id(), inDays(400), "Asia/Tokyo"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> embargoes.accept(analyst, c.id())).isInstanceOf(InvalidInputException.class);

        EmbargoView proposed = embargoes.propose(analyst, c.id(), inDays(30), "Asia/Tokyo");
        assertThat(proposed.state()).isEqualTo(EmbargoState.PROPOSED);
        assertThat(proposed.proposedEnd().getZone()).isEqualTo(TOKYO);
        assertThat(proposed.proposedEnd().toLocalDateTime()).isEqualTo(inDays(30));
        assertThat(embargoes.reject(analyst, c.id()).state()).isEqualTo(EmbargoState.NONE);
    }

    @Test
    void anAcceptedEmbargoCanBeRevisedAndARejectedRevisionKeepsTheAgreedEnd() {
        embargoes.propose(analyst, c.id(), inDays(30), "Asia/Tokyo");
        EmbargoView active = embargoes.accept(analyst, c.id());
        assertThat(active.state()).isEqualTo(EmbargoState.ACTIVE);
        assertThat(active.end().toLocalDateTime()).isEqualTo(inDays(30));

        embargoes.revise(analyst, c.id(), inDays(60), "Europe/Berlin");
        EmbargoView kept = embargoes.reject(analyst, c.id());
        assertThat(kept.state()).isEqualTo(EmbargoState.ACTIVE);
        assertThat(kept.end().toLocalDateTime()).isEqualTo(inDays(30));

        embargoes.revise(analyst, c.id(), inDays(45), "Europe/Berlin");
        EmbargoView moved = embargoes.accept(analyst, c.id());
        assertThat(moved.end().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 50)).items())
                .extracting(TimelineEntry::kind)
                .contains("embargo.proposed", "embargo.accepted", "embargo.revision-proposed", "embargo.rejected");
        assertThatThrownBy(() -> embargoes.end(analyst, c.id(), " ")).isInstanceOf(InvalidInputException.class);
        EmbargoView ended = embargoes.end(analyst, c.id(), "Coordinated release moved earlier");
        assertThat(ended.state()).isEqualTo(EmbargoState.ENDED);
        assertThatThrownBy(() -> embargoes.propose(analyst, c.id(), inDays(10), "UTC"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void learningThatTheVulnerabilityIsPublicEndsTheEmbargoAtOnce() {
        embargoes.propose(analyst, c.id(), inDays(30), "UTC");
        embargoes.accept(analyst, c.id());
        cases.recordFact(analyst, c.id(), CaseFact.EXPLOIT_PUBLIC, null);
        EmbargoView ended = embargoes.get(analyst, c.id());
        assertThat(ended.state()).isEqualTo(EmbargoState.ENDED);
        assertThat(ended.endReason()).contains("Exploit public");
        assertThat(cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 50)).items())
                .extracting(TimelineEntry::kind)
                .contains("embargo.ended");
        // Everyone is told: the PSIRT team by mail (participants in their thread, see SharingIntegrationTest).
        assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'EMBARGO_ENDED' and subject = :s")
                        .param("s", "Embargo ended on " + c.reference())
                        .query(Long.class)
                        .single())
                .isPositive();

        // A proposal not yet accepted is dropped instead.
        CaseDetail other = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "embargo 2", null, false).reference()), "x");
        embargoes.propose(analyst, other.id(), inDays(30), "UTC");
        cases.recordFact(analyst, other.id(), CaseFact.ATTACKS_OBSERVED, null);
        assertThat(embargoes.get(analyst, other.id()).state()).isEqualTo(EmbargoState.NONE);
        // Facts that do not make it public leave the embargo alone.
        CaseDetail third = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, "embargo 3", null, false).reference()), "y");
        embargoes.propose(analyst, third.id(), inDays(30), "UTC");
        embargoes.accept(analyst, third.id());
        cases.recordFact(analyst, third.id(), CaseFact.FIX_READY, null);
        assertThat(embargoes.get(analyst, third.id()).state()).isEqualTo(EmbargoState.ACTIVE);
    }

    @Test
    void anEmbargoEndsByItselfAtItsDate() {
        embargoes.propose(analyst, c.id(), inDays(2), "Asia/Tokyo");
        embargoes.accept(analyst, c.id());
        assertThat(embargoes.endExpired(Instant.now().plus(Duration.ofDays(1)))).isZero();
        assertThat(embargoes.get(analyst, c.id()).state()).isEqualTo(EmbargoState.ACTIVE);
        assertThat(embargoes.endExpired(Instant.now().plus(Duration.ofDays(3)))).isPositive();
        EmbargoView ended = embargoes.get(analyst, c.id());
        assertThat(ended.state()).isEqualTo(EmbargoState.ENDED);
        assertThat(ended.endReason()).contains("agreed end");
    }

    @Test
    void lineEngineersSeeTheEmbargoOfTheirCasesOnlyAndChangeNothing() {
        var line = fixtures.line();
        var version = fixtures.version(fixtures.product(line), "1.0");
        var v = cases.addVulnerability(analyst, c.id(), new VulnerabilityCommand("v", null, null, null, null, null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        embargoes.propose(analyst, c.id(), inDays(30), "UTC");
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, line);
        Actor stranger = fixtures.actor(Role.LINE_ENGINEER, fixtures.line());
        assertThat(embargoes.get(engineer, c.id()).state()).isEqualTo(EmbargoState.PROPOSED);
        assertThatThrownBy(() -> embargoes.accept(engineer, c.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> embargoes.get(stranger, c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> embargoes.get(analyst, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Autowired
    Participants participants;

    @Autowired
    Parties parties;

    @Test
    void eachParticipantsAnswerToTheProposalOnTheTableIsRecorded() {
        PartyView party = parties.create(
                analyst,
                new PartyCommand(
                        Fixtures.unique("TWCERT/CC"), PartyKind.COORDINATOR, "TW", null, null, List.of(), null, null));
        ParticipantView p = participants.add(analyst, c.id(), party.id(), ParticipantRole.COORDINATOR, "TVN-1", null);
        assertThatThrownBy(() -> embargoes.respond(analyst, c.id(), p.id(), true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no embargo proposal");
        embargoes.propose(analyst, c.id(), inDays(30), "Asia/Taipei");
        assertThatThrownBy(() -> embargoes.respond(analyst, c.id(), UUID.randomUUID(), true))
                .isInstanceOf(InvalidInputException.class);
        EmbargoView answered = embargoes.respond(analyst, c.id(), p.id(), true);
        assertThat(answered.responses()).singleElement().satisfies(r -> {
            assertThat(r.partyName()).isEqualTo(party.name());
            assertThat(r.accepted()).isTrue();
        });
        assertThat(embargoes.respond(analyst, c.id(), p.id(), false).responses())
                .singleElement()
                .satisfies(r -> assertThat(r.accepted()).isFalse());
        // Agreed, then a revision: the answers shown are those to the new proposal, none yet.
        embargoes.accept(analyst, c.id());
        assertThat(embargoes.revise(analyst, c.id(), inDays(40), "UTC").responses())
                .isEmpty();
        assertThat(cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 50)).items())
                .extracting(TimelineEntry::kind)
                .contains("embargo.participant-responded");
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, fixtures.line());
        assertThatThrownBy(() -> embargoes.respond(engineer, c.id(), p.id(), true))
                .isInstanceOf(AccessDeniedException.class);
    }
}
