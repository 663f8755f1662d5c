package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.intake.AttachmentUpload;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Explicit sharing with participants and the participant portal, at the service level: invitations, what each
 * participant sees (only what is shared, their own thread, never another participant's nor anything internal),
 * the reporter's contact only with consent, answers and embargo responses by the participants themselves, and
 * the record every share and view leaves.
 */
@KobanIntegrationTest
class SharingIntegrationTest {

    @Autowired
    Sharing sharing;

    @Autowired
    Portal portal;

    @Autowired
    Invitations invitations;

    @Autowired
    Participants participants;

    @Autowired
    Embargoes embargoes;

    @Autowired
    Parties parties;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Users users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Actor analyst;
    CaseDetail c;
    VulnerabilityView shared;
    VulnerabilityView internalOnly;
    UUID consentingFile;
    UUID otherFile;
    ParticipantView coordinator;
    ParticipantView vendor;
    Actor coordinatorPerson;
    Actor vendorPerson;

    static ReportSubmission submission(String description, String email, boolean shareContact) {
        return new ReportSubmission(
                "Gateway",
                "1.0",
                description,
                null,
                null,
                false,
                false,
                List.of(),
                null,
                "Reporter " + email,
                "Lab of " + email,
                email,
                null,
                null,
                shareContact);
    }

    static List<AttachmentUpload> file(String name, String content) {
        return List.of(new AttachmentUpload(
                name,
                "application/octet-stream",
                () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }

    @BeforeEach
    void aCaseWithTwoParticipants() {
        analyst = fixtures.actor(Role.PSIRT_ANALYST);
        String consenting = Fixtures.unique("consents") + "@lab.example";
        String private_ = Fixtures.unique("private") + "@lab.example";
        var first =
                intake.submit(submission("Overflow in the parser", consenting, true), file("poc-a.py", "exploit A"));
        var second = intake.submit(submission("Same overflow", private_, false), file("poc-b.py", "exploit B"));
        c = cases.openFromReport(analyst, reportId(jdbc, first.reference()), "Parser overflow");
        cases.mergeReport(analyst, reportId(jdbc, second.reference()), c.reference());
        cases.update(analyst, c.id(), "Parser overflow", "A crafted packet overflows the parser.");
        shared = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Parser overflow", "Stack overflow", null, null, null, null));
        internalOnly = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand("Secret second bug", "Only for us", null, null, null, null));
        c = cases.get(analyst, c.id(), PageQuery.of(null, 0, 1));
        consentingFile = c.reports().stream()
                .filter(r -> r.shareContact())
                .findFirst()
                .orElseThrow()
                .attachments()
                .getFirst()
                .id();
        otherFile = c.reports().stream()
                .filter(r -> !r.shareContact())
                .findFirst()
                .orElseThrow()
                .attachments()
                .getFirst()
                .id();
        coordinator = participants.add(
                analyst,
                c.id(),
                party("JPCERT/CC", PartyKind.COORDINATOR),
                ParticipantRole.COORDINATOR,
                "JVNVU#90000009",
                null);
        vendor = participants.add(
                analyst, c.id(), party("Other vendor", PartyKind.VENDOR), ParticipantRole.VENDOR, null, null);
        coordinatorPerson = join(coordinator, "Kenji");
        vendorPerson = join(vendor, "Vera");
    }

    private UUID party(String name, PartyKind kind) {
        return parties.create(
                        analyst, new PartyCommand(Fixtures.unique(name), kind, "JP", null, null, List.of(), null, null))
                .id();
    }

    /** Invites a person of the participant's party and accepts the link from the mail, as they would. */
    private Actor join(ParticipantView participant, String name) {
        String email = Fixtures.unique(name.toLowerCase()) + "@party.example";
        sharing.invite(analyst, c.id(), participant.id(), email, name);
        String secret = invitationSecret(email);
        UUID userId = invitations.accept(secret, name, Fixtures.PASSWORD, "Asia/Tokyo");
        UserView user = users.get(Actor.system(), userId);
        return new Actor(
                user.id(), user.displayName(), Actor.Kind.USER, user.roles(), user.lineIds(), Set.of(user.partyId()));
    }

    private String invitationSecret(String email) {
        String body = jdbc.sql("select body from mail_outbox where recipient = :r and kind = 'PARTICIPANT_NOTICE'"
                        + " order by created_at desc limit 1")
                .param("r", email)
                .query(String.class)
                .single();
        Matcher m = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(m.find()).as("the invitation mail carries the link").isTrue();
        return m.group(1);
    }

    @Test
    void anInvitationMakesAnAccountOfTheirPartyOnceAndRefusesBadPasswordsWithoutUsingItUp() {
        String email = Fixtures.unique("second") + "@party.example";
        sharing.invite(analyst, c.id(), coordinator.id(), email, "Second person");
        String secret = invitationSecret(email);
        assertThat(invitations.find(secret)).hasValueSatisfying(i -> {
            assertThat(i.email()).isEqualTo(email);
            assertThat(i.caseReference()).isEqualTo(c.reference());
        });
        assertThatThrownBy(() -> invitations.accept(secret, "Second", "short", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("password", "timeZone"));
        UUID id = invitations.accept(secret, "Second", Fixtures.PASSWORD, null);
        UserView user = users.get(Actor.system(), id);
        assertThat(user.roles()).containsExactly(Role.PARTICIPANT);
        assertThat(user.partyId()).isEqualTo(coordinator.partyId());
        assertThat(invitations.find(secret)).isEmpty();
        assertThatThrownBy(() -> invitations.accept(secret, "Again", Fixtures.PASSWORD, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(invitations.find("x".repeat(43))).isEmpty();

        // Someone who already has an account of the party needs no invitation; staff addresses are refused.
        assertThatThrownBy(() -> sharing.invite(analyst, c.id(), coordinator.id(), email, "Again"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already has an account");
        UserView staff = fixtures.user(Role.VIEWER, fixtures.line());
        assertThatThrownBy(() -> sharing.invite(analyst, c.id(), vendor.id(), staff.email(), "Staff"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another account");
        assertThatThrownBy(() -> sharing.invite(analyst, c.id(), vendor.id(), "not-an-address", ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("email", "displayName"));
        // An admin cannot turn a participant into staff, nor make staff a participant through the user form.
        assertThatThrownBy(() -> users.update(
                        Actor.system(),
                        id,
                        new UserCommand(email, "Second", null, Set.of(Role.PSIRT_ANALYST), Set.of(), true)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside party");
        assertThatThrownBy(() -> users.create(
                        Actor.system(),
                        new UserCommand(
                                Fixtures.unique("p") + "@x.example",
                                "P",
                                Fixtures.PASSWORD,
                                Set.of(Role.PARTICIPANT),
                                Set.of(),
                                true)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invitation");
        assertThat(sharing.get(analyst, c.id(), coordinator.id()).members())
                .extracting(SharingView.Member::email)
                .contains(email);
        // A party whose people have accounts stays in the directory, even once it has left every case.
        participants.remove(analyst, c.id(), coordinator.id());
        assertThatThrownBy(() -> parties.delete(analyst, coordinator.partyId()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("portal account");
    }

    @Test
    void nothingIsSharedUntilThePsirtSharesIt() {
        SharedCase before = portal.open(coordinatorPerson, coordinator.id());
        assertThat(before.title()).isNull();
        assertThat(before.summary()).isNull();
        assertThat(before.heading()).isEqualTo("Case " + c.reference());
        assertThat(before.vulnerabilities()).isEmpty();
        assertThat(before.files()).isEmpty();
        assertThat(before.reporterContacts()).isEmpty();
        assertThat(before.theirReference()).isEqualTo("JVNVU#90000009");
        assertThatThrownBy(() -> portal.openFile(coordinatorPerson, coordinator.id(), consentingFile))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portal.answer(
                        coordinatorPerson, coordinator.id(), shared.id(), ParticipantStatus.AFFECTED, null, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aParticipantSeesWhatIsSharedWithThemAndNothingElse() throws Exception {
        sharing.share(
                analyst,
                c.id(),
                coordinator.id(),
                new ShareCommand(true, true, Set.of(shared.id()), Set.of(consentingFile)));
        sharing.share(
                analyst,
                c.id(),
                vendor.id(),
                new ShareCommand(false, false, Set.of(shared.id(), internalOnly.id()), Set.of()));
        cases.addNote(analyst, c.id(), "INTERNAL: the fix slips to March");
        sharing.write(analyst, c.id(), vendor.id(), "For the vendor only: please check libfoo");
        sharing.write(analyst, c.id(), coordinator.id(), "For JPCERT/CC: shared the first bug");

        SharedCase mine = portal.open(coordinatorPerson, coordinator.id());
        assertThat(mine.title()).isEqualTo("Parser overflow");
        assertThat(mine.summary()).isEqualTo("A crafted packet overflows the parser.");
        assertThat(mine.vulnerabilities())
                .extracting(SharedCase.Vulnerability::id)
                .containsExactly(shared.id());
        assertThat(mine.files()).extracting(SharedCase.SharedFile::id).containsExactly(consentingFile);
        // Only the reporter who agreed, even though the contact is shared.
        assertThat(mine.reporterContacts()).hasSize(1);
        assertThat(mine.reporterContacts().getFirst().email()).startsWith("consents");
        String everything = mine.toString();
        assertThat(everything)
                .contains("For JPCERT/CC")
                .doesNotContain("For the vendor only")
                .doesNotContain("INTERNAL")
                .doesNotContain("Secret second bug")
                .doesNotContain("private");
        try (FileContent poc = portal.openFile(coordinatorPerson, coordinator.id(), consentingFile)) {
            assertThat(new String(poc.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("exploit A");
        }
        assertThatThrownBy(() -> portal.openFile(coordinatorPerson, coordinator.id(), otherFile))
                .isInstanceOf(NotFoundException.class);

        // The vendor sees two vulnerabilities, no summary, no contact, and not the coordinator's thread.
        SharedCase theirs = portal.open(vendorPerson, vendor.id());
        assertThat(theirs.vulnerabilities()).hasSize(2);
        assertThat(theirs.title()).isNull();
        assertThat(theirs.reporterContacts()).isEmpty();
        assertThat(theirs.toString()).contains("For the vendor only").doesNotContain("For JPCERT/CC");

        // Neither may open the other's side of the case, by any id: "not found", never "forbidden".
        assertThatThrownBy(() -> portal.open(coordinatorPerson, vendor.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portal.export(vendorPerson, coordinator.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> portal.write(vendorPerson, coordinator.id(), "hi"))
                .isInstanceOf(NotFoundException.class);
        assertThat(portal.cases(coordinatorPerson))
                .extracting(SharedCaseSummary::participantId)
                .containsExactly(coordinator.id());

        // Staff and Koban itself are not participants: the portal refuses them outright.
        assertThatThrownBy(() -> portal.cases(analyst)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> portal.open(Actor.system(), coordinator.id()))
                .isInstanceOf(AccessDeniedException.class);
        // And a participant may not reach the inside.
        assertThatThrownBy(() -> cases.get(coordinatorPerson, c.id(), PageQuery.of(null, 0, 1)))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
        assertThatThrownBy(() -> sharing.get(coordinatorPerson, c.id(), coordinator.id()))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
        assertThatThrownBy(() -> participants.list(coordinatorPerson, c.id()))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
    }

    @Test
    void theReporterContactCannotBeSharedWithoutTheirConsent() {
        String email = Fixtures.unique("noconsent") + "@lab.example";
        var report = intake.submit(submission("No consent", email, false), List.of());
        CaseDetail other = cases.openFromReport(analyst, reportId(jdbc, report.reference()), "No consent");
        ParticipantView p =
                participants.add(analyst, other.id(), coordinator.partyId(), ParticipantRole.COORDINATOR, null, null);
        assertThat(sharing.get(analyst, other.id(), p.id()).reporterConsented()).isFalse();
        assertThatThrownBy(() ->
                        sharing.share(analyst, other.id(), p.id(), new ShareCommand(true, true, Set.of(), Set.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("reporterContact"));
        // Items of another case are refused by name.
        assertThatThrownBy(() -> sharing.share(
                        analyst,
                        other.id(),
                        p.id(),
                        new ShareCommand(false, false, Set.of(shared.id()), Set.of(consentingFile))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactlyInAnyOrder("vulnerabilityIds", "attachmentIds"));
        // The same party sees both its cases in its portal list.
        assertThat(portal.cases(coordinatorPerson))
                .extracting(SharedCaseSummary::participantId)
                .contains(coordinator.id(), p.id());
    }

    @Test
    void participantsAnswerAndRespondToTheEmbargoThemselvesAndThePsirtSeesIt() {
        sharing.share(analyst, c.id(), coordinator.id(), new ShareCommand(false, false, Set.of(shared.id()), Set.of()));
        assertThatThrownBy(() -> portal.answer(
                        coordinatorPerson, coordinator.id(), shared.id(), ParticipantStatus.NOT_AFFECTED, " ", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("why");
        portal.answer(
                coordinatorPerson,
                coordinator.id(),
                shared.id(),
                ParticipantStatus.NOT_AFFECTED,
                "Our products do not use the parser.",
                List.of("https://jvn.example/vu/90000009"));
        assertThatThrownBy(() -> portal.answer(
                        coordinatorPerson, coordinator.id(), internalOnly.id(), ParticipantStatus.AFFECTED, null, null))
                .isInstanceOf(NotFoundException.class);
        ParticipantView seen = participants.list(analyst, c.id()).stream()
                .filter(p -> p.id().equals(coordinator.id()))
                .findFirst()
                .orElseThrow();
        assertThat(seen.answers())
                .filteredOn(a -> a.vulnerabilityId().equals(shared.id()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ParticipantStatus.NOT_AFFECTED);
                    assertThat(a.statement()).isEqualTo("Our products do not use the parser.");
                });

        assertThatThrownBy(() -> portal.respondToEmbargo(coordinatorPerson, coordinator.id(), true))
                .isInstanceOf(InvalidInputException.class);
        embargoes.propose(analyst, c.id(), LocalDateTime.now().plusDays(30).withNano(0), "Asia/Tokyo");
        portal.respondToEmbargo(coordinatorPerson, coordinator.id(), true);
        portal.respondToEmbargo(vendorPerson, vendor.id(), false);
        EmbargoView psirtView = embargoes.get(analyst, c.id());
        assertThat(psirtView.responseOf(coordinator.id()))
                .isNotNull()
                .satisfies(r -> assertThat(r.accepted()).isTrue());
        assertThat(psirtView.responseOf(vendor.id()))
                .isNotNull()
                .satisfies(r -> assertThat(r.accepted()).isFalse());
        // Each participant sees their own answer only.
        assertThat(portal.view(coordinatorPerson, coordinator.id()).embargo().responses())
                .extracting(EmbargoView.Response::participantId)
                .containsExactly(coordinator.id());
        // Everyone on the case was told of the proposal in their thread.
        assertThat(portal.view(vendorPerson, vendor.id()).thread())
                .extracting(ThreadEntry::kind)
                .contains("embargo");
        // The PSIRT's mail tells the team, not the content.
        assertThat(jdbc.sql("select count(*) from mail_outbox where kind = 'PARTICIPANT_REPLY' and subject like :s")
                        .param("s", "%" + c.reference())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void everyShareAndEveryViewIsOnTheTimelineAndInTheAuditLog() {
        sharing.share(analyst, c.id(), coordinator.id(), new ShareCommand(true, false, Set.of(shared.id()), Set.of()));
        portal.open(coordinatorPerson, coordinator.id());
        portal.open(coordinatorPerson, coordinator.id());
        var timeline =
                cases.timeline(analyst, c.id(), PageQuery.of(null, 0, 200)).items();
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("participant.shared");
            assertThat(e.text()).contains("Parser overflow");
        });
        assertThat(timeline)
                .filteredOn(e -> e.kind().equals("participant.viewed"))
                .hasSize(2);
        assertThat(timeline).anySatisfy(e -> assertThat(e.kind()).isEqualTo("participant.invited"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'participant.viewed' and entity_id = :id")
                        .param("id", coordinator.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'participant.shared' and entity_id = :id")
                        .param("id", coordinator.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(participants.list(analyst, c.id()).stream()
                        .filter(p -> p.id().equals(coordinator.id()))
                        .findFirst()
                        .orElseThrow()
                        .viewedAt())
                .isNotNull();
        // Unsharing is told to them too, and recorded.
        sharing.share(analyst, c.id(), coordinator.id(), new ShareCommand(false, false, Set.of(), Set.of()));
        assertThat(portal.view(coordinatorPerson, coordinator.id()).thread())
                .extracting(ThreadEntry::body)
                .anySatisfy(b -> assertThat(b).contains("No longer shared"));
    }

    @Test
    void uploadsAreTheirsAndThePsirtsOnlyAndOversizedOnesAreRefusedWithoutATrace() throws Exception {
        portal.upload(coordinatorPerson, coordinator.id(), "C:\\Users\\k\\analysis.txt", stream("our analysis"));
        SharedCase mine = portal.view(coordinatorPerson, coordinator.id());
        assertThat(mine.uploads())
                .singleElement()
                .satisfies(f -> assertThat(f.fileName()).isEqualTo("analysis.txt"));
        UUID fileId = mine.uploads().getFirst().id();
        try (FileContent f = sharing.openFile(analyst, c.id(), coordinator.id(), fileId)) {
            assertThat(new String(f.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("our analysis");
        }
        assertThatThrownBy(() -> portal.openFile(vendorPerson, vendor.id(), fileId))
                .isInstanceOf(NotFoundException.class);
        Actor viewer = fixtures.actor(Role.VIEWER, fixtures.line());
        assertThatThrownBy(() -> sharing.openFile(viewer, c.id(), coordinator.id(), fileId))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);

        long before = jdbc.sql("select count(*) from participant_file")
                .query(Long.class)
                .single();
        InputStream tooLarge = new InputStream() {
            long left = Portal.MAX_UPLOAD_BYTES + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> portal.upload(coordinatorPerson, coordinator.id(), "big.bin", tooLarge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> portal.upload(coordinatorPerson, coordinator.id(), "empty.bin", stream("")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("select count(*) from participant_file")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theExportHoldsTheSharedTimelineForBothSides() {
        sharing.share(analyst, c.id(), coordinator.id(), new ShareCommand(true, false, Set.of(shared.id()), Set.of()));
        sharing.write(analyst, c.id(), coordinator.id(), "Please confirm by Friday");
        portal.write(coordinatorPerson, coordinator.id(), "Confirmed.");
        cases.addNote(analyst, c.id(), "INTERNAL note");
        SharedTimelineExport theirs = portal.export(coordinatorPerson, coordinator.id());
        SharedTimelineExport ours = sharing.export(analyst, c.id(), coordinator.id());
        assertThat(theirs.format()).isEqualTo("koban-shared-timeline/1");
        assertThat(theirs.caseReference()).isEqualTo(c.reference());
        assertThat(theirs.theirReference()).isEqualTo("JVNVU#90000009");
        assertThat(theirs.timeline()).extracting(ThreadEntry::body).contains("Please confirm by Friday", "Confirmed.");
        assertThat(theirs.timeline()).extracting(ThreadEntry::kind).containsSubsequence("share", "message", "message");
        assertThat(theirs.timeline()).isEqualTo(ours.timeline());
        assertThat(theirs.toString()).doesNotContain("INTERNAL");
    }

    @Test
    void remindersCountOnlyWhatTheyCanAnswer() {
        java.time.Instant start = java.time.Instant.now();
        participants.update(analyst, c.id(), coordinator.id(), "JVNVU#90000009", start.minusSeconds(60));
        participants.remindEvery(analyst, c.id(), coordinator.id(), 3);
        sharing.share(analyst, c.id(), coordinator.id(), new ShareCommand(false, false, Set.of(shared.id()), Set.of()));
        // The shared vulnerability lacks their answer: a reminder is due after three days.
        participants.sendDueReminders(start.plus(java.time.Duration.ofDays(4)));
        assertThat(lastReminded(coordinator)).isNotNull();
        java.time.Instant first = lastReminded(coordinator);
        // Once they answered what is shared with them, the unshared one does not keep them reminded.
        portal.answer(
                coordinatorPerson, coordinator.id(), shared.id(), ParticipantStatus.UNDER_INVESTIGATION, null, null);
        participants.sendDueReminders(start.plus(java.time.Duration.ofDays(10)));
        assertThat(lastReminded(coordinator)).isEqualTo(first);
        // The vendor, with nothing shared, is reminded of every vulnerability as before.
        participants.update(analyst, c.id(), vendor.id(), null, start.minusSeconds(60));
        participants.remindEvery(analyst, c.id(), vendor.id(), 3);
        participants.sendDueReminders(start.plus(java.time.Duration.ofDays(4)));
        assertThat(lastReminded(vendor)).isNotNull();
    }

    private java.time.@org.jspecify.annotations.Nullable Instant lastReminded(ParticipantView participant) {
        return participants.list(analyst, c.id()).stream()
                .filter(p -> p.id().equals(participant.id()))
                .findFirst()
                .orElseThrow()
                .lastRemindedAt();
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
