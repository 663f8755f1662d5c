package org.koban.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.capability;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.sla.SlaStatus;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Triage decisions on real PostgreSQL: the queue, questions that pause the clock, closing, the conversation. */
@KobanIntegrationTest
@RecordApplicationEvents
class TriageIntegrationTest {

    @Autowired
    Triage triage;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Actor analyst;

    @BeforeEach
    void setUp() {
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
    }

    @Test
    void theQueueShowsOpenReportsWithTheirClocksAndFindsThemByWords() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        var submitted = submit(intake, "Overflow reachable via " + word + " packets", null, true);
        var page = triage.queue(analyst, new TriageQuery(Set.of(), TriageQuery.Sort.OLDEST, PageQuery.of(word, 0, 10)));
        assertThat(page.items()).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo(submitted.reference());
            assertThat(r.state()).isEqualTo(ReportState.RECEIVED);
            assertThat(r.attachmentCount()).isEqualTo(1);
            assertThat(r.acknowledgement().status()).isEqualTo(SlaStatus.ON_TRACK);
            assertThat(r.triage().due()).isEqualTo(r.receivedAt().plus(java.time.Duration.ofDays(7)));
        });
        assertThat(triage.queue(
                                analyst,
                                new TriageQuery(Set.of(), TriageQuery.Sort.DUE, PageQuery.of(word + "x", 0, 10)))
                        .total())
                .isZero();
        // By reference too, and a closed report leaves the default (open) queue.
        assertThat(triage.queue(analyst, TriageQuery.open(PageQuery.of(submitted.reference(), 0, 10)))
                        .total())
                .isEqualTo(1);
        triage.close(analyst, reportId(jdbc, submitted.reference()), CloseReason.SPAM, null, null);
        assertThat(triage.queue(analyst, TriageQuery.open(PageQuery.of(word, 0, 10)))
                        .total())
                .isZero();
        assertThat(triage.queue(
                                analyst,
                                new TriageQuery(
                                        Set.of(ReportState.CLOSED), TriageQuery.Sort.NEWEST, PageQuery.of(word, 0, 10)))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void askingPausesTheTriageClockUntilTheReporterAnswers() {
        var submitted = submit(intake, "Please look", "finder@example.org", false);
        UUID id = reportId(jdbc, submitted.reference());
        ReportDetail asked = triage.askForInformation(analyst, id, "Which firmware build?");
        assertThat(asked.state()).isEqualTo(ReportState.NEEDS_INFORMATION);
        assertThat(asked.triage().status()).isEqualTo(SlaStatus.PAUSED);
        assertThat(asked.acknowledgedAt()).isNotNull();
        assertThat(events.stream(ReporterNotified.class)
                        .filter(e -> e.reportId().equals(id)))
                .anySatisfy(e -> assertThat(e.text()).contains("Which firmware build?"));
        // Two days of waiting (moved back in the database: time is not slept away in tests).
        jdbc.sql("update report set paused_at = paused_at - interval '2 days' where id = :id")
                .param("id", id)
                .update();

        var tracked = intake.reply(capability(submitted), "Build 2026.11", List.of());
        assertThat(tracked.state()).isEqualTo(ReportState.RECEIVED);
        assertThat(events.stream(ReporterReplied.class))
                .anyMatch(e -> e.reportId().equals(id));
        ReportDetail resumed = triage.report(analyst, id);
        assertThat(resumed.triage().status()).isIn(SlaStatus.ON_TRACK, SlaStatus.WARNING);
        assertThat(java.time.Duration.between(
                                resumed.receivedAt(), resumed.triage().due())
                        .toHours())
                .isBetween(7 * 24 + 47L, 7 * 24 + 49L);
        assertThat(resumed.messages())
                .extracting(ReportMessage::body)
                .containsExactly("Which firmware build?", "Build 2026.11");
    }

    @Test
    void closingNeedsATypedReasonAndForOtherVendorsToWhom() {
        UUID id = reportId(
                jdbc,
                submit(intake, "Bug in someone else's router", null, false).reference());
        assertThatThrownBy(() -> triage.close(analyst, id, CloseReason.OTHER_VENDOR, " ", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("forwardedTo"));
        assertThat(triage.report(analyst, id).state()).isEqualTo(ReportState.RECEIVED);
        ReportDetail closed =
                triage.close(analyst, id, CloseReason.OTHER_VENDOR, "JPCERT/CC (JVNVU#12345678)", "Forwarded.");
        assertThat(closed.state()).isEqualTo(ReportState.CLOSED);
        assertThat(closed.forwardedTo()).isEqualTo("JPCERT/CC (JVNVU#12345678)");
        assertThat(closed.triagedAt()).isNotNull();
        assertThatThrownBy(() -> triage.askForInformation(analyst, id, "?")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void internalNotesStayInsideAndTheReporterCanStillWriteAndAddFiles() {
        var submitted = submit(intake, "Look at this", null, false);
        UUID id = reportId(jdbc, submitted.reference());
        triage.message(analyst, id, "internal: likely duplicate of an old case", true);
        triage.message(analyst, id, "Thanks, we are reproducing it.", false);
        var tracked = intake.reply(
                capability(submitted),
                "",
                List.of(new AttachmentUpload(
                        "more.pcap",
                        "application/octet-stream",
                        () -> new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}))));
        assertThat(tracked.messages())
                .extracting(ReportMessage::body)
                .doesNotContain("internal: likely duplicate of an old case");
        assertThat(tracked.messages()).extracting(ReportMessage::body).contains("Thanks, we are reproducing it.");
        assertThat(tracked.attachments()).extracting(ReportAttachment::fileName).containsExactly("more.pcap");
        assertThat(triage.report(analyst, id).messages())
                .extracting(ReportMessage::internal)
                .contains(true, false);
        assertThatThrownBy(() -> intake.reply(capability(submitted), " ", List.of()))
                .isInstanceOf(InvalidInputException.class);
        intake.withdraw(capability(submitted));
        assertThatThrownBy(() -> intake.reply(capability(submitted), "hello?", List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyThePsirtTriages() {
        var line = fixtures.line();
        UUID id = reportId(jdbc, submit(intake, "x", null, false).reference());
        for (Actor outsider : List.of(fixtures.actor(Role.LINE_ENGINEER, line), fixtures.actor(Role.VIEWER, line))) {
            assertThatThrownBy(() -> triage.queue(outsider, TriageQuery.open(PageQuery.of(null, 0, 10))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> triage.report(outsider, id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> triage.close(outsider, id, CloseReason.SPAM, null, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        assertThat(triage.acknowledge(manager, id, null).acknowledgedAt()).isNotNull();
        assertThatThrownBy(() -> triage.acknowledge(manager, id, null)).isInstanceOf(InvalidInputException.class);
    }
}
