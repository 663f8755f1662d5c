package org.koban.server.coordination.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.coordination.EmbargoView;
import org.koban.server.coordination.FileContent;
import org.koban.server.coordination.ParticipantFile;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.ParticipantStatus;
import org.koban.server.coordination.ParticipantView;
import org.koban.server.coordination.ParticipantWrote;
import org.koban.server.coordination.Portal;
import org.koban.server.coordination.ShareCommand;
import org.koban.server.coordination.SharedCase;
import org.koban.server.coordination.SharedCaseSummary;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.coordination.Sharing;
import org.koban.server.coordination.SharingView;
import org.koban.server.coordination.ThreadEntry;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.ReportAttachment;
import org.koban.server.intake.ReportDetail;
import org.koban.server.intake.Triage;
import org.koban.server.shared.EncryptedFiles;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Secrets;
import org.koban.server.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both sides of sharing a case with a participant: the PSIRT's ({@link Sharing}) and the participant's portal
 * ({@link Portal}). The portal reads the case as Koban itself and passes on only the shared items, so what a
 * participant sees is decided here, item by item, after the permission service has decided on their party.
 */
@Service
class JdbcSharing implements Sharing, Portal {

    private static final int MESSAGE = 20_000;
    private static final int FILE_NAME = 255;
    private static final PageQuery NO_TIMELINE = PageQuery.of(null, 0, 1);

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Triage triage;
    private final JdbcEmbargoes embargoRecords;
    private final JdbcParticipants participants;
    private final ParticipantThreads threads;
    private final EncryptedFiles files;
    private final Users users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcSharing(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Triage triage,
            JdbcEmbargoes embargoRecords,
            JdbcParticipants participants,
            ParticipantThreads threads,
            EncryptedFiles files,
            Users users,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.triage = triage;
        this.embargoRecords = embargoRecords;
        this.participants = participants;
        this.threads = threads;
        this.files = files;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    /** The participant row: which case and party, and the two yes/no shares. */
    private record Row(
            UUID id,
            UUID caseId,
            UUID partyId,
            String partyName,
            ParticipantRole role,
            @Nullable String theirReference,
            boolean summary,
            boolean reporterContact) {}

    // ---------------------------------------------------------------- the PSIRT's side

    @Override
    @Transactional(readOnly = true)
    public SharingView get(Actor actor, UUID caseId, UUID participantId) {
        CaseDetail c = cases.get(actor, caseId, NO_TIMELINE);
        return sharingView(c, row(caseId, participantId));
    }

    @Override
    @Transactional
    public SharingView share(Actor actor, UUID caseId, UUID participantId, ShareCommand command) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, NO_TIMELINE);
        Row row = row(caseId, participantId);
        Map<UUID, String> vulnerabilities = c.vulnerabilities().stream()
                .collect(Collectors.toMap(
                        VulnerabilityView::id, VulnerabilityView::title, (a, b) -> a, LinkedHashMap::new));
        Map<UUID, String> attachments = new LinkedHashMap<>();
        for (ReportDetail report : c.reports()) {
            for (ReportAttachment a : report.attachments()) attachments.put(a.id(), a.fileName());
        }
        Validation v = new Validation();
        for (UUID id : command.vulnerabilityIds()) {
            if (!vulnerabilities.containsKey(id))
                v.reject("vulnerabilityIds", id + " is not a vulnerability of this case");
        }
        for (UUID id : command.attachmentIds()) {
            if (!attachments.containsKey(id)) v.reject("attachmentIds", id + " is not a file of this case's reports");
        }
        if (command.reporterContact() && !reporterConsented(c)) {
            v.reject("reporterContact", "no reporter of this case agreed that their contact may be passed on");
        }
        v.throwIfInvalid();
        SharingView before = sharingView(c, row);
        Instant now = clock.instant();
        jdbc.sql("update case_participant set share_summary = :summary, share_reporter_contact = :contact,"
                        + " updated_at = :now where id = :id")
                .param("summary", command.summary())
                .param("contact", command.reporterContact())
                .param("now", Timestamp.from(now))
                .param("id", participantId)
                .update();
        // Items shared before keep the date they were first shared.
        jdbc.sql("delete from participant_shared_vulnerability where participant_id = :id"
                        + " and not (vulnerability_id = any(:keep))")
                .param("id", participantId)
                .param("keep", command.vulnerabilityIds().toArray(UUID[]::new))
                .update();
        for (UUID id : command.vulnerabilityIds()) {
            jdbc.sql("insert into participant_shared_vulnerability values (:p, :v, :now) on conflict do nothing")
                    .param("p", participantId)
                    .param("v", id)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        jdbc.sql("delete from participant_shared_attachment where participant_id = :id"
                        + " and not (attachment_id = any(:keep))")
                .param("id", participantId)
                .param("keep", command.attachmentIds().toArray(UUID[]::new))
                .update();
        for (UUID id : command.attachmentIds()) {
            jdbc.sql("insert into participant_shared_attachment values (:p, :a, :now) on conflict do nothing")
                    .param("p", participantId)
                    .param("a", id)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (command.summary() != before.summary()) (command.summary() ? added : removed).add("the case's summary");
        if (command.reporterContact() != before.reporterContact()) {
            (command.reporterContact() ? added : removed).add("the reporter's contact");
        }
        diff(before.vulnerabilityIds(), command.vulnerabilityIds(), vulnerabilities, "vulnerability", added, removed);
        diff(before.attachmentIds(), command.attachmentIds(), attachments, "file", added, removed);
        if (added.isEmpty() && removed.isEmpty()) return sharingView(c, row(caseId, participantId));
        String change = (added.isEmpty() ? "" : "Now shared: " + String.join(", ", added) + ". ")
                + (removed.isEmpty() ? "" : "No longer shared: " + String.join(", ", removed) + ".");
        timeline.record(actor, caseId, "participant.shared", true, "With " + row.partyName() + ": " + change.strip());
        threads.append(participantId, "share", actor, false, change.strip(), null);
        if (!added.isEmpty()) threads.notifyParty(participantId, "New information was shared with you");
        SharingView after = sharingView(c, row(caseId, participantId));
        audit.record(
                actor, "participant.shared", "case-participant", participantId, auditView(before), auditView(after));
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ThreadEntry> thread(Actor actor, UUID caseId, UUID participantId) {
        cases.get(actor, caseId, NO_TIMELINE);
        return threads.entries(row(caseId, participantId).id());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ParticipantFile> files(Actor actor, UUID caseId, UUID participantId) {
        cases.get(actor, caseId, NO_TIMELINE);
        return uploads(row(caseId, participantId).id());
    }

    @Override
    @Transactional
    public List<ThreadEntry> write(Actor actor, UUID caseId, UUID participantId, String body) {
        permissions.check(actor, Action.CASE_MANAGE);
        cases.get(actor, caseId, NO_TIMELINE);
        Row row = row(caseId, participantId);
        String text = message(body);
        threads.append(participantId, "message", actor, false, text, null);
        threads.notifyParty(participantId, "Our PSIRT wrote to you");
        timeline.record(actor, caseId, "participant.messaged", true, "Message to " + row.partyName() + ": " + text);
        audit.record(
                actor,
                "participant.messaged",
                "case-participant",
                participantId,
                null,
                Map.of("length", text.length()));
        return threads.entries(participantId);
    }

    @Override
    @Transactional
    public FileContent openFile(Actor actor, UUID caseId, UUID participantId, UUID fileId) {
        cases.get(actor, caseId, NO_TIMELINE);
        permissions.check(actor, Action.ATTACHMENT_DOWNLOAD);
        Row row = row(caseId, participantId);
        FileContent content = upload(row, fileId);
        audit.record(
                actor,
                "participant.file-downloaded",
                "participant-file",
                fileId,
                null,
                Map.of("sha256", content.sha256()));
        return content;
    }

    @Override
    @Transactional(readOnly = true)
    public SharedTimelineExport export(Actor actor, UUID caseId, UUID participantId) {
        cases.get(actor, caseId, NO_TIMELINE);
        return export(sharedCase(row(caseId, participantId)));
    }

    @Override
    @Transactional
    public SharingView invite(Actor actor, UUID caseId, UUID participantId, String email, String displayName) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, NO_TIMELINE);
        Row row = row(caseId, participantId);
        Validation v = new Validation();
        String address = v.email("email", email);
        if (address == null && !v.hasProblems()) v.reject("email", "is required");
        String name = v.required("displayName", displayName, 200);
        if (address != null) {
            UserView existing = users.byEmail(address).orElse(null);
            if (existing != null && row.partyId().equals(existing.partyId())) {
                v.reject("email", "already has an account for " + row.partyName() + " and sees this case");
            } else if (existing != null) {
                v.reject("email", "is used by another account; invite a person of " + row.partyName());
            }
        }
        v.throwIfInvalid();
        String secret = Secrets.newSecret();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into participant_invitation (id, participant_id, email, display_name, token_hash, invited_by,
                            created_at, expires_at)
                        values (:id, :participant, :email, :name, :hash, :by, :now, :expires)
                        """)
                .param("id", id)
                .param("participant", participantId)
                .param("email", address)
                .param("name", name.strip())
                .param("hash", Secrets.hash(secret))
                .param("by", actor.id())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(Duration.ofDays(INVITATION_DAYS))))
                .update();
        threads.sendInvitation(participantId, address, name.strip(), secret);
        timeline.record(
                actor,
                caseId,
                "participant.invited",
                true,
                name.strip() + " of " + row.partyName() + " invited to the portal.");
        audit.record(
                actor,
                "participant.invited",
                "participant-invitation",
                id,
                null,
                Map.of("case", c.reference(), "party", row.partyName(), "email", address));
        return sharingView(c, row);
    }

    // ---------------------------------------------------------------- the participant's side

    @Override
    @Transactional(readOnly = true)
    public List<SharedCaseSummary> cases(Actor actor) {
        permissions.check(actor, Action.SHARED_CASE_VIEW);
        List<Row> rows = jdbc.sql(ROW + " where p.party_id = any(:parties) order by c.opened_at desc")
                .param("parties", actor.partyIds().toArray(UUID[]::new))
                .query(JdbcSharing::row)
                .list();
        List<SharedCaseSummary> result = new ArrayList<>();
        for (Row row : rows) {
            if (!permissions.canForParty(actor, Action.SHARED_CASE_VIEW, row.partyId())) continue;
            SharedCase shared = sharedCase(row);
            int unanswered = (int) shared.vulnerabilities().stream()
                    .filter(x -> x.answer().status() == ParticipantStatus.NO_RESPONSE)
                    .count();
            Instant last = shared.thread().isEmpty()
                    ? jdbc.sql("select created_at from case_participant where id = :id")
                            .param("id", row.id())
                            .query(Timestamp.class)
                            .single()
                            .toInstant()
                    : shared.thread().getLast().at();
            EmbargoView embargo = shared.embargo();
            result.add(new SharedCaseSummary(
                    row.id(),
                    shared.caseReference(),
                    shared.title(),
                    row.partyName(),
                    row.role(),
                    row.theirReference(),
                    embargo.state(),
                    embargo.proposedEnd() != null ? embargo.proposedEnd() : embargo.end(),
                    shared.vulnerabilities().size(),
                    unanswered,
                    last));
        }
        return result;
    }

    @Override
    @Transactional
    public SharedCase open(Actor actor, UUID participantId) {
        Row row = portalRow(actor, Action.SHARED_CASE_VIEW, participantId);
        jdbc.sql("update case_participant set viewed_at = coalesce(viewed_at, :now) where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", participantId)
                .update();
        timeline.record(
                actor,
                row.caseId(),
                "participant.viewed",
                true,
                actor.name() + " of " + row.partyName() + " looked at what the case shares with them.");
        audit.record(actor, "participant.viewed", "case-participant", participantId, null, null);
        return sharedCase(row);
    }

    @Override
    @Transactional(readOnly = true)
    public SharedCase view(Actor actor, UUID participantId) {
        return sharedCase(portalRow(actor, Action.SHARED_CASE_VIEW, participantId));
    }

    @Override
    @Transactional
    public SharedCase answer(
            Actor actor,
            UUID participantId,
            UUID vulnerabilityId,
            @Nullable ParticipantStatus status,
            @Nullable String statement,
            @Nullable List<String> references) {
        Row row = portalRow(actor, Action.SHARED_CASE_ANSWER, participantId);
        if (!sharedVulnerabilities(participantId).contains(vulnerabilityId)) {
            throw new NotFoundException("Vulnerability", vulnerabilityId);
        }
        CaseDetail c = cases.get(Actor.system(), row.caseId(), NO_TIMELINE);
        ParticipantView participant = participants.load(c, participantId);
        ParticipantView after =
                participants.recordAnswer(actor, c, participant, vulnerabilityId, status, statement, references);
        ParticipantView.Answer answer = after.answers().stream()
                .filter(a -> a.vulnerabilityId().equals(vulnerabilityId))
                .findFirst()
                .orElseThrow();
        threads.append(
                participantId,
                "answer",
                actor,
                true,
                "\u201c" + answer.vulnerabilityTitle() + "\u201d: "
                        + answer.status().label().toLowerCase()
                        + (answer.statement() == null ? "" : " — " + answer.statement()),
                null);
        events.publishEvent(new ParticipantWrote(row.caseId(), c.reference(), row.partyName()));
        return sharedCase(row);
    }

    @Override
    @Transactional
    public SharedCase respondToEmbargo(Actor actor, UUID participantId, boolean accepted) {
        Row row = portalRow(actor, Action.SHARED_CASE_ANSWER, participantId);
        EmbargoView embargo = embargoRecords.recordResponse(actor, row.caseId(), participantId, accepted);
        threads.append(
                participantId,
                "embargo",
                actor,
                true,
                (accepted ? "Accepted" : "Rejected") + " the embargo until "
                        + JdbcEmbargoes.shown(embargo.proposedEnd()) + ".",
                null);
        events.publishEvent(new ParticipantWrote(row.caseId(), timeline.reference(row.caseId()), row.partyName()));
        return sharedCase(row);
    }

    @Override
    @Transactional
    public SharedCase write(Actor actor, UUID participantId, String body) {
        Row row = portalRow(actor, Action.SHARED_CASE_ANSWER, participantId);
        String text = message(body);
        threads.append(participantId, "message", actor, true, text, null);
        timeline.record(
                actor,
                row.caseId(),
                "participant.wrote",
                true,
                actor.name() + " of " + row.partyName() + " wrote: " + text);
        audit.record(
                actor, "participant.wrote", "case-participant", participantId, null, Map.of("length", text.length()));
        events.publishEvent(new ParticipantWrote(row.caseId(), timeline.reference(row.caseId()), row.partyName()));
        return sharedCase(row);
    }

    @Override
    @Transactional
    public SharedCase upload(Actor actor, UUID participantId, String fileName, InputStream content) {
        Row row = portalRow(actor, Action.SHARED_CASE_ANSWER, participantId);
        Validation v = new Validation();
        String name = v.required("file", fileName == null ? null : baseName(fileName), FILE_NAME);
        v.throwIfInvalid();
        EncryptedFiles.Stored stored = files.store(
                content,
                MAX_UPLOAD_BYTES,
                () -> InvalidInputException.of("file", "is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB"));
        if (stored.size() == 0) {
            files.delete(stored.storageKey());
            throw InvalidInputException.of("file", "is empty");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into participant_file (id, participant_id, file_name, size, sha256, storage_key,
                                uploaded_by, uploaded_at)
                            values (:id, :participant, :name, :size, :sha, :key, :by, :now)
                            """)
                    .param("id", id)
                    .param("participant", participantId)
                    .param("name", name)
                    .param("size", stored.size())
                    .param("sha", stored.sha256())
                    .param("key", stored.storageKey())
                    .param("by", actor.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            threads.append(
                    participantId,
                    "file",
                    actor,
                    true,
                    name + " (" + stored.size() + " bytes, SHA-256 " + stored.sha256() + ")",
                    id);
            timeline.record(
                    actor,
                    row.caseId(),
                    "participant.uploaded",
                    true,
                    actor.name() + " of " + row.partyName() + " uploaded " + name + ".");
            audit.record(
                    actor, "participant.uploaded", "participant-file", id, null, Map.of("sha256", stored.sha256()));
            events.publishEvent(new ParticipantWrote(row.caseId(), timeline.reference(row.caseId()), row.partyName()));
        } catch (RuntimeException e) {
            files.delete(stored.storageKey());
            throw e;
        }
        return sharedCase(row);
    }

    @Override
    @Transactional
    public FileContent openFile(Actor actor, UUID participantId, UUID fileId) {
        Row row = portalRow(actor, Action.SHARED_CASE_VIEW, participantId);
        FileContent content;
        if (sharedAttachments(participantId).contains(fileId)) {
            AttachmentContent attachment = triage.openCaseAttachment(row.caseId(), fileId);
            content = new FileContent(
                    attachment.attachment().fileName(),
                    attachment.attachment().size(),
                    attachment.attachment().sha256(),
                    attachment.stream());
        } else {
            content = upload(row, fileId);
        }
        timeline.record(
                actor,
                row.caseId(),
                "participant.downloaded",
                true,
                actor.name() + " of " + row.partyName() + " downloaded " + content.fileName() + ".");
        audit.record(actor, "participant.file-downloaded", "file", fileId, null, Map.of("sha256", content.sha256()));
        return content;
    }

    @Override
    @Transactional
    public SharedTimelineExport export(Actor actor, UUID participantId) {
        Row row = portalRow(actor, Action.SHARED_CASE_VIEW, participantId);
        timeline.record(
                actor,
                row.caseId(),
                "participant.exported",
                true,
                actor.name() + " of " + row.partyName() + " exported what the case shares with them.");
        audit.record(actor, "participant.exported", "case-participant", participantId, null, null);
        return export(sharedCase(row));
    }

    // ---------------------------------------------------------------- shared parts

    /**
     * The participant row, for a person of its party. Anyone else gets "not found" (never "forbidden"), so that
     * the ids of other parties' cases cannot be probed; someone who is no participant at all is refused outright.
     */
    private Row portalRow(Actor actor, Action action, UUID participantId) {
        permissions.check(actor, action);
        Row row = jdbc.sql(ROW + " where p.id = :id")
                .param("id", participantId)
                .query(JdbcSharing::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Case", participantId));
        if (!permissions.canForParty(actor, action, row.partyId())) throw new NotFoundException("Case", participantId);
        return row;
    }

    private SharedCase sharedCase(Row row) {
        CaseDetail c = cases.get(Actor.system(), row.caseId(), NO_TIMELINE);
        ParticipantView participant = participants.load(c, row.id());
        Map<UUID, ParticipantView.Answer> answers = participant.answers().stream()
                .collect(Collectors.toMap(ParticipantView.Answer::vulnerabilityId, a -> a));
        Set<UUID> sharedVulnerabilities = sharedVulnerabilities(row.id());
        List<SharedCase.Vulnerability> vulnerabilities = c.vulnerabilities().stream()
                .filter(v -> sharedVulnerabilities.contains(v.id()))
                .map(v -> new SharedCase.Vulnerability(
                        v.id(),
                        v.title(),
                        v.description(),
                        v.cweId(),
                        v.cweName(),
                        v.cvss3Vector(),
                        v.cvss3Score(),
                        v.cvss4Vector(),
                        v.cvss4Score(),
                        v.cve(),
                        answers.get(v.id())))
                .toList();
        Set<UUID> sharedAttachments = sharedAttachments(row.id());
        List<SharedCase.SharedFile> shared = c.reports().stream()
                .flatMap(r -> r.attachments().stream())
                .filter(a -> sharedAttachments.contains(a.id()))
                .map(a -> new SharedCase.SharedFile(a.id(), a.fileName(), a.size(), a.sha256(), a.createdAt()))
                .toList();
        // Only reporters who agreed, and only when the PSIRT chose to pass it on.
        List<SharedCase.ReporterContact> contacts = row.reporterContact()
                ? c.reports().stream()
                        .filter(ReportDetail::shareContact)
                        .map(r -> new SharedCase.ReporterContact(
                                r.reporterName(), r.reporterOrganisation(), r.reporterEmail()))
                        .toList()
                : List.of();
        EmbargoView embargo = embargoRecords.get(Actor.system(), row.caseId());
        // A participant sees their own answer to the embargo, never another participant's.
        EmbargoView ownEmbargo = new EmbargoView(
                embargo.caseId(),
                embargo.state(),
                embargo.end(),
                embargo.proposedEnd(),
                embargo.endedAt(),
                embargo.endReason(),
                embargo.updatedAt(),
                embargo.responses().stream()
                        .filter(r -> r.participantId().equals(row.id()))
                        .toList());
        return new SharedCase(
                row.id(),
                row.caseId(),
                c.reference(),
                row.summary() ? c.title() : null,
                row.summary() ? c.summary() : null,
                row.partyName(),
                row.role(),
                row.theirReference(),
                vulnerabilities,
                shared,
                uploads(row.id()),
                contacts,
                ownEmbargo,
                threads.entries(row.id()));
    }

    private SharedTimelineExport export(SharedCase shared) {
        return new SharedTimelineExport(
                SharedTimelineExport.FORMAT,
                clock.instant(),
                shared.caseReference(),
                shared.theirReference(),
                shared.partyName(),
                shared.role().name(),
                shared.title(),
                shared.summary(),
                shared.vulnerabilities(),
                shared.files(),
                shared.uploads(),
                shared.embargo(),
                shared.thread());
    }

    private SharingView sharingView(CaseDetail c, Row row) {
        List<SharingView.Member> members = users.partyMembers(row.partyId()).stream()
                .map(m -> new SharingView.Member(m.id(), m.displayName(), m.email()))
                .toList();
        List<SharingView.InvitationView> invitations = jdbc.sql(
                        "select * from participant_invitation where participant_id = :id order by created_at desc")
                .param("id", row.id())
                .query((rs, n) -> new SharingView.InvitationView(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("accepted_at") == null
                                ? null
                                : rs.getTimestamp("accepted_at").toInstant()))
                .list();
        return new SharingView(
                row.id(),
                row.partyName(),
                row.summary(),
                row.reporterContact(),
                reporterConsented(c),
                sharedVulnerabilities(row.id()),
                sharedAttachments(row.id()),
                members,
                invitations);
    }

    private static boolean reporterConsented(CaseDetail c) {
        return c.reports().stream().anyMatch(ReportDetail::shareContact);
    }

    private Set<UUID> sharedVulnerabilities(UUID participantId) {
        return new HashSet<>(
                jdbc.sql("select vulnerability_id from participant_shared_vulnerability where participant_id = :id")
                        .param("id", participantId)
                        .query(UUID.class)
                        .list());
    }

    private Set<UUID> sharedAttachments(UUID participantId) {
        return new HashSet<>(
                jdbc.sql("select attachment_id from participant_shared_attachment where participant_id = :id")
                        .param("id", participantId)
                        .query(UUID.class)
                        .list());
    }

    private List<ParticipantFile> uploads(UUID participantId) {
        return jdbc.sql("select * from participant_file where participant_id = :id order by uploaded_at, id")
                .param("id", participantId)
                .query((rs, n) -> new ParticipantFile(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_name"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    private FileContent upload(Row row, UUID fileId) {
        var file = jdbc.sql("select * from participant_file where id = :id and participant_id = :participant")
                .param("id", fileId)
                .param("participant", row.id())
                .query((rs, n) -> new Object[] {
                    rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"), rs.getString("storage_key")
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("File", fileId));
        try {
            return new FileContent((String) file[0], (Long) file[1], (String) file[2], files.open((String) file[3]));
        } catch (IOException e) {
            throw new IllegalStateException("File " + fileId + " cannot be read", e);
        }
    }

    private Row row(UUID caseId, UUID participantId) {
        return jdbc.sql(ROW + " where p.id = :id and p.case_id = :caseId")
                .param("id", participantId)
                .param("caseId", caseId)
                .query(JdbcSharing::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
    }

    private static final String ROW = """
            select p.id, p.case_id, p.party_id, y.name as party_name, p.role, p.their_reference, p.share_summary,
                   p.share_reporter_contact
            from case_participant p join party y on y.id = p.party_id join psirt_case c on c.id = p.case_id
            """;

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getObject("party_id", UUID.class),
                rs.getString("party_name"),
                ParticipantRole.valueOf(rs.getString("role")),
                rs.getString("their_reference"),
                rs.getBoolean("share_summary"),
                rs.getBoolean("share_reporter_contact"));
    }

    private static String message(@Nullable String body) {
        Validation v = new Validation();
        String text = v.required("body", body, MESSAGE);
        v.throwIfInvalid();
        return text.strip();
    }

    /** The name only, whatever path a browser or client sends with it. */
    private static String baseName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "file" : name;
    }

    private static void diff(
            Set<UUID> before,
            Set<UUID> after,
            Map<UUID, String> names,
            String what,
            List<String> added,
            List<String> removed) {
        for (var e : names.entrySet()) {
            boolean was = before.contains(e.getKey());
            boolean is = after.contains(e.getKey());
            if (is && !was) added.add(what + " \u201c" + e.getValue() + "\u201d");
            if (was && !is) removed.add(what + " \u201c" + e.getValue() + "\u201d");
        }
    }

    private static Map<String, Object> auditView(SharingView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", s.summary());
        m.put("reporterContact", s.reporterContact());
        m.put(
                "vulnerabilities",
                s.vulnerabilityIds().stream().map(UUID::toString).sorted().toList());
        m.put("files", s.attachmentIds().stream().map(UUID::toString).sorted().toList());
        return m;
    }
}
