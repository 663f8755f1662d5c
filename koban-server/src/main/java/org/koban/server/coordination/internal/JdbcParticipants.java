package org.koban.server.coordination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.coordination.ParticipantReminderDue;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.ParticipantStatus;
import org.koban.server.coordination.ParticipantView;
import org.koban.server.coordination.Participants;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcParticipants implements Participants {

    private static final int REFERENCE = 100;
    private static final int STATEMENT = 10_000;
    private static final int MAX_REFERENCES = 20;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ParticipantThreads threads;

    JdbcParticipants(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Clock clock,
            ApplicationEventPublisher events,
            ParticipantThreads threads) {
        this.threads = threads;
        this.events = events;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ParticipantView> list(Actor actor, UUID caseId) {
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        return jdbc
                .sql("select id from case_participant where case_id = :id order by created_at")
                .param("id", caseId)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> load(c, id))
                .toList();
    }

    @Override
    @Transactional
    public ParticipantView add(
            Actor actor,
            UUID caseId,
            UUID partyId,
            @Nullable ParticipantRole role,
            @Nullable String theirReference,
            @Nullable Instant firstContactedAt) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        Validation v = new Validation();
        if (role == null) v.reject("role", "is required: " + Arrays.toString(ParticipantRole.values()));
        String reference = v.optionalText("theirReference", theirReference, REFERENCE);
        contactDate(v, firstContactedAt);
        String partyName = jdbc.sql("select name from party where id = :id")
                .param("id", partyId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (partyName == null) v.reject("partyId", "is not a party of the directory");
        if (partyName != null
                && jdbc.sql("select count(*) from case_participant where case_id = :c and party_id = :p")
                                .param("c", caseId)
                                .param("p", partyId)
                                .query(Long.class)
                                .single()
                        > 0) {
            v.reject("partyId", partyName + " is already on this case");
        }
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into case_participant (id, case_id, party_id, role, their_reference, first_contacted_at,
                            created_at, updated_at)
                        values (:id, :caseId, :partyId, :role, :reference, :contacted, :now, :now)
                        """)
                .param("id", id)
                .param("caseId", caseId)
                .param("partyId", partyId)
                .param("role", role.name())
                .param("reference", reference)
                .param("contacted", firstContactedAt == null ? null : Timestamp.from(firstContactedAt))
                .param("now", Timestamp.from(now))
                .update();
        timeline.record(
                actor,
                caseId,
                "participant.added",
                true,
                partyName + " joins as " + role.label().toLowerCase()
                        + (reference == null ? "" : " (their reference " + reference + ")") + ".");
        audit.record(
                actor,
                "participant.added",
                "case-participant",
                id,
                null,
                Map.of("case", c.reference(), "party", partyName, "role", role.name()));
        return load(c, id);
    }

    @Override
    @Transactional
    public ParticipantView update(
            Actor actor,
            UUID caseId,
            UUID participantId,
            @Nullable String theirReference,
            @Nullable Instant firstContactedAt) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        ParticipantView before = load(c, participantId);
        Validation v = new Validation();
        String reference = v.optionalText("theirReference", theirReference, REFERENCE);
        contactDate(v, firstContactedAt);
        v.throwIfInvalid();
        jdbc.sql("""
                        update case_participant set their_reference = :reference, first_contacted_at = :contacted,
                            updated_at = :now where id = :id
                        """)
                .param("reference", reference)
                .param("contacted", firstContactedAt == null ? null : Timestamp.from(firstContactedAt))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", participantId)
                .update();
        timeline.record(
                actor,
                caseId,
                "participant.updated",
                true,
                before.partyName() + ": reference " + (reference == null ? "removed" : reference) + ".");
        Map<String, Object> after = new HashMap<>();
        after.put("theirReference", String.valueOf(reference));
        audit.record(
                actor,
                "participant.updated",
                "case-participant",
                participantId,
                Map.of("theirReference", String.valueOf(before.theirReference())),
                after);
        return load(c, participantId);
    }

    @Override
    @Transactional
    public void remove(Actor actor, UUID caseId, UUID participantId) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        ParticipantView before = load(c, participantId);
        jdbc.sql("delete from case_participant where id = :id")
                .param("id", participantId)
                .update();
        timeline.record(actor, caseId, "participant.removed", true, before.partyName() + " removed from the case.");
        audit.record(
                actor,
                "participant.removed",
                "case-participant",
                participantId,
                Map.of("party", before.partyName()),
                null);
    }

    @Override
    @Transactional
    public ParticipantView answer(
            Actor actor,
            UUID caseId,
            UUID participantId,
            UUID vulnerabilityId,
            @Nullable ParticipantStatus status,
            @Nullable String statement,
            @Nullable List<String> references) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        return recordAnswer(actor, c, load(c, participantId), vulnerabilityId, status, statement, references);
    }

    /**
     * Records a participant's answer once the caller has decided that the actor may give it: the PSIRT for them
     * ({@link #answer}) or a person of their party on the portal.
     */
    ParticipantView recordAnswer(
            Actor actor,
            CaseDetail c,
            ParticipantView participant,
            UUID vulnerabilityId,
            @Nullable ParticipantStatus status,
            @Nullable String statement,
            @Nullable List<String> references) {
        UUID caseId = c.id();
        UUID participantId = participant.id();
        VulnerabilityView vulnerability = c.vulnerabilities().stream()
                .filter(x -> x.id().equals(vulnerabilityId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Vulnerability", vulnerabilityId));
        Validation v = new Validation();
        if (status == null) v.reject("status", "is required");
        String text = v.optionalText("statement", statement, STATEMENT);
        if (status == ParticipantStatus.NOT_AFFECTED && text == null) {
            v.reject("statement", "say why they are not affected");
        }
        List<String> refs = new ArrayList<>();
        List<String> given = references == null ? List.of() : references;
        if (given.size() > MAX_REFERENCES) v.reject("references", "at most " + MAX_REFERENCES);
        for (int i = 0; i < given.size(); i++) {
            String ref = v.webUrl("references[" + i + "]", given.get(i));
            if (ref != null) refs.add(ref);
        }
        v.throwIfInvalid();
        jdbc.sql("""
                        insert into participant_answer (participant_id, vulnerability_id, status, statement, "references", updated_at)
                        values (:p, :v, :status, :statement, :refs, :now)
                        on conflict (participant_id, vulnerability_id) do update set status = excluded.status,
                            statement = excluded.statement, "references" = excluded."references", updated_at = excluded.updated_at
                        """)
                .param("p", participantId)
                .param("v", vulnerabilityId)
                .param("status", status.name())
                .param("statement", text)
                .param("refs", refs.toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        timeline.record(
                actor,
                caseId,
                "participant.answer",
                true,
                participant.partyName() + " on \u201c" + vulnerability.title() + "\u201d: "
                        + status.label().toLowerCase() + (text == null ? "" : " — " + text));
        audit.record(
                actor,
                "participant.answered",
                "case-participant",
                participantId,
                null,
                Map.of("vulnerability", vulnerabilityId.toString(), "status", status.name()));
        return load(c, participantId);
    }

    @Override
    @Transactional
    public ParticipantView remindEvery(Actor actor, UUID caseId, UUID participantId, @Nullable Integer days) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        ParticipantView before = load(c, participantId);
        if (days != null && (days < 1 || days > 90)) {
            throw org.koban.server.shared.InvalidInputException.of("remindEveryDays", "must be between 1 and 90 days");
        }
        jdbc.sql("update case_participant set remind_every_days = :days, updated_at = :now where id = :id")
                .param("days", days)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", participantId)
                .update();
        timeline.record(
                actor,
                caseId,
                "participant.reminders",
                true,
                before.partyName()
                        + (days == null
                                ? ": no more reminders."
                                : ": reminded every " + days + " day(s) until they answer."));
        audit.record(
                actor,
                "participant.reminders-set",
                "case-participant",
                participantId,
                null,
                Map.of("days", String.valueOf(days)));
        return load(c, participantId);
    }

    @Override
    @Transactional
    public int sendDueReminders(Instant now) {
        // Due: reminders on, some vulnerability that concerns them without their answer (those shared with them,
        // or every one of the case while nothing is shared: they cannot answer what they cannot see), and the
        // interval passed
        // since the last reminder (or the first contact, or joining the case).
        var due = jdbc.sql("""
                        select p.id, p.case_id, p.their_reference, y.name as party_name, y.pgp_key,
                               (select count(*) from vulnerability v where v.case_id = p.case_id
                                    and (not exists (select 1 from participant_shared_vulnerability s
                                                     where s.participant_id = p.id)
                                         or exists (select 1 from participant_shared_vulnerability s
                                                    where s.participant_id = p.id and s.vulnerability_id = v.id))
                                    and not exists (select 1 from participant_answer a where a.participant_id = p.id
                                                    and a.vulnerability_id = v.id and a.status <> 'NO_RESPONSE')) as unanswered
                        from case_participant p join party y on y.id = p.party_id
                        where p.remind_every_days is not null
                          and coalesce(p.last_reminded_at, p.first_contacted_at, p.created_at)
                              + p.remind_every_days * interval '1 day' <= :now
                        for update of p skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("their_reference"),
                    rs.getString("party_name"),
                    rs.getString("pgp_key"),
                    rs.getInt("unanswered")
                })
                .list();
        int sent = 0;
        for (Object[] row : due) {
            int unanswered = (Integer) row[5];
            if (unanswered == 0) continue;
            UUID participantId = (UUID) row[0];
            UUID caseId = (UUID) row[1];
            // The party's portal accounts and the directory's contacts, as for every notice to the party.
            List<String> emails = threads.party(participantId).emails();
            jdbc.sql("update case_participant set last_reminded_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", participantId)
                    .update();
            String reference = timeline.reference(caseId);
            String partyName = (String) row[3];
            timeline.record(
                    null,
                    caseId,
                    "participant.reminded",
                    true,
                    emails.isEmpty()
                            ? partyName + " is due a reminder but has no email contact in the directory."
                            : "Reminder sent to " + partyName + " (" + unanswered
                                    + " vulnerability(ies) without their answer).");
            if (!emails.isEmpty()) {
                events.publishEvent(new ParticipantReminderDue(
                        caseId, reference, (String) row[2], partyName, emails, (String) row[4], unanswered));
                sent++;
            }
        }
        return sent;
    }

    private void contactDate(Validation v, @Nullable Instant at) {
        if (at != null && at.isAfter(clock.instant().plusSeconds(300)))
            v.reject("firstContactedAt", "must not be in the future");
    }

    ParticipantView load(CaseDetail c, UUID participantId) {
        Map<UUID, ParticipantView.Answer> answers = new HashMap<>();
        jdbc.sql("select * from participant_answer where participant_id = :id")
                .param("id", participantId)
                .query((rs, n) -> {
                    UUID vid = rs.getObject("vulnerability_id", UUID.class);
                    answers.put(
                            vid,
                            new ParticipantView.Answer(
                                    vid,
                                    "",
                                    ParticipantStatus.valueOf(rs.getString("status")),
                                    rs.getString("statement"),
                                    Arrays.asList(
                                            (String[]) rs.getArray("references").getArray()),
                                    rs.getTimestamp("updated_at").toInstant()));
                    return null;
                })
                .list();
        // Every vulnerability of the case has an answer: "no response yet" until one is recorded.
        List<ParticipantView.Answer> all = c.vulnerabilities().stream()
                .map(v -> {
                    var a = answers.get(v.id());
                    return a == null
                            ? new ParticipantView.Answer(
                                    v.id(), v.title(), ParticipantStatus.NO_RESPONSE, null, List.of(), null)
                            : new ParticipantView.Answer(
                                    v.id(), v.title(), a.status(), a.statement(), a.references(), a.updatedAt());
                })
                .toList();
        return jdbc.sql("""
                        select p.*, y.name as party_name from case_participant p join party y on y.id = p.party_id
                        where p.id = :id and p.case_id = :caseId
                        """)
                .param("id", participantId)
                .param("caseId", c.id())
                .query((rs, n) -> new ParticipantView(
                        participantId,
                        c.id(),
                        rs.getObject("party_id", UUID.class),
                        rs.getString("party_name"),
                        ParticipantRole.valueOf(rs.getString("role")),
                        rs.getString("their_reference"),
                        rs.getTimestamp("first_contacted_at") == null
                                ? null
                                : rs.getTimestamp("first_contacted_at").toInstant(),
                        rs.getTimestamp("viewed_at") == null
                                ? null
                                : rs.getTimestamp("viewed_at").toInstant(),
                        rs.getObject("remind_every_days", Integer.class),
                        rs.getTimestamp("last_reminded_at") == null
                                ? null
                                : rs.getTimestamp("last_reminded_at").toInstant(),
                        all))
                .optional()
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
    }
}
