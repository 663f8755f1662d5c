package org.koban.server.coordination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseFact;
import org.koban.server.cases.CaseFactRecorded;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.coordination.EmbargoState;
import org.koban.server.coordination.EmbargoView;
import org.koban.server.coordination.Embargoes;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcEmbargoes implements Embargoes {

    private static final Set<CaseFact> PUBLIC_KNOWLEDGE =
            Set.of(CaseFact.PUBLIC_AWARE, CaseFact.EXPLOIT_PUBLIC, CaseFact.ATTACKS_OBSERVED);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int REASON = 4_000;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final ParticipantThreads threads;
    private final org.springframework.context.ApplicationEventPublisher events;

    JdbcEmbargoes(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Clock clock,
            ParticipantThreads threads,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.threads = threads;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public EmbargoView get(Actor actor, UUID caseId) {
        // Seeing the case is seeing its embargo: the cases module decides (404 outside one's lines).
        cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView propose(Actor actor, UUID caseId, @Nullable LocalDateTime end, @Nullable String timeZone) {
        permissions.check(actor, Action.CASE_MANAGE);
        EmbargoView before = lock(caseId);
        ZonedDateTime proposed = checkedEnd(end, timeZone);
        move(before, EmbargoState.PROPOSED);
        upsert(caseId, EmbargoState.PROPOSED, null, proposed, null, null);
        record(actor, caseId, "embargo.proposed", before, "Embargo proposed until " + shown(proposed) + ".");
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView accept(Actor actor, UUID caseId) {
        permissions.check(actor, Action.CASE_MANAGE);
        EmbargoView before = lock(caseId);
        move(before, EmbargoState.ACTIVE);
        ZonedDateTime agreed = before.proposedEnd();
        if (agreed == null || !agreed.toInstant().isAfter(clock.instant())) {
            throw InvalidInputException.of("end", "the proposed end has passed: propose a new date");
        }
        upsert(caseId, EmbargoState.ACTIVE, agreed, null, null, null);
        record(actor, caseId, "embargo.accepted", before, "Embargo accepted: until " + shown(agreed) + ".");
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView respond(Actor actor, UUID caseId, UUID participantId, boolean accepted) {
        permissions.check(actor, Action.CASE_MANAGE);
        return recordResponse(actor, caseId, participantId, accepted);
    }

    /**
     * Records a participant's answer once the caller has decided that the actor may give it: the PSIRT on their
     * behalf ({@link #respond}) or a person of their party on the portal.
     */
    @Transactional
    EmbargoView recordResponse(Actor actor, UUID caseId, UUID participantId, boolean accepted) {
        EmbargoView current = lock(caseId);
        if (current.proposedEnd() == null) {
            throw InvalidInputException.of("state", "There is no embargo proposal to answer");
        }
        String party = jdbc.sql("""
                        select y.name from case_participant p join party y on y.id = p.party_id
                        where p.id = :id and p.case_id = :caseId
                        """)
                .param("id", participantId)
                .param("caseId", caseId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> InvalidInputException.of("participantId", "is not a participant of this case"));
        jdbc.sql("""
                        insert into embargo_response (case_id, participant_id, proposed_at, accepted, responded_at)
                        values (:caseId, :participantId, :proposedAt, :accepted, :now)
                        on conflict (case_id, participant_id, proposed_at) do update
                            set accepted = excluded.accepted, responded_at = excluded.responded_at
                        """)
                .param("caseId", caseId)
                .param("participantId", participantId)
                .param("proposedAt", Timestamp.from(current.proposedEnd().toInstant()))
                .param("accepted", accepted)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        record(
                actor,
                caseId,
                "embargo.participant-responded",
                current,
                party + (accepted ? " accepts" : " rejects") + " the embargo until " + shown(current.proposedEnd())
                        + ".");
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView reject(Actor actor, UUID caseId) {
        permissions.check(actor, Action.CASE_MANAGE);
        EmbargoView before = lock(caseId);
        // A rejected proposal leaves no embargo; a rejected revision leaves the agreed one.
        EmbargoState target = before.state() == EmbargoState.REVISING ? EmbargoState.ACTIVE : EmbargoState.NONE;
        move(before, target);
        upsert(caseId, target, before.end(), null, null, null);
        record(
                actor,
                caseId,
                "embargo.rejected",
                before,
                target == EmbargoState.ACTIVE
                        ? "Revision rejected: the embargo stays until " + shown(before.end()) + "."
                        : "Embargo proposal rejected.");
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView revise(Actor actor, UUID caseId, @Nullable LocalDateTime end, @Nullable String timeZone) {
        permissions.check(actor, Action.CASE_MANAGE);
        EmbargoView before = lock(caseId);
        ZonedDateTime proposed = checkedEnd(end, timeZone);
        move(before, EmbargoState.REVISING);
        upsert(caseId, EmbargoState.REVISING, before.end(), proposed, null, null);
        record(
                actor,
                caseId,
                "embargo.revision-proposed",
                before,
                "New embargo end proposed: " + shown(proposed) + ".");
        return load(caseId);
    }

    @Override
    @Transactional
    public EmbargoView end(Actor actor, UUID caseId, @Nullable String reason) {
        permissions.check(actor, Action.CASE_MANAGE);
        Validation v = new Validation();
        v.required("reason", reason, REASON);
        v.throwIfInvalid();
        EmbargoView before = lock(caseId);
        move(before, EmbargoState.ENDED);
        finish(actor, caseId, before, reason.strip());
        return load(caseId);
    }

    /** A fact that makes the vulnerability public ends a binding embargo at once, in the same transaction. */
    @EventListener
    void onFact(CaseFactRecorded event) {
        if (!PUBLIC_KNOWLEDGE.contains(event.fact())) return;
        EmbargoView before = lock(event.caseId());
        EmbargoState after = before.state().onPublicKnowledge();
        if (after == before.state()) return;
        String why = event.fact().label() + " since " + SHOWN.format(event.at().atZone(ZoneOffset.UTC)) + " UTC";
        if (after == EmbargoState.ENDED) {
            finish(null, event.caseId(), before, "Ended at once: " + why + ".");
        } else {
            upsert(event.caseId(), after, null, null, null, null);
            record(null, event.caseId(), "embargo.dropped", before, "Embargo proposal dropped: " + why + ".");
        }
    }

    @Override
    @Transactional
    public int endExpired(Instant now) {
        List<UUID> due = jdbc.sql("""
                        select case_id from case_embargo where state in ('ACTIVE', 'REVISING') and end_at <= :now
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list();
        for (UUID caseId : due) finish(null, caseId, load(caseId), "The agreed end was reached.");
        return due.size();
    }

    private void finish(@Nullable Actor actor, UUID caseId, EmbargoView before, String reason) {
        jdbc.sql("update case_embargo set state = 'ENDED', ended_at = :now, end_reason = :reason, proposed_at = null,"
                        + " proposed_zone = null, updated_at = :now where case_id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason)
                .param("id", caseId)
                .update();
        record(actor, caseId, "embargo.ended", before, "Embargo ended. " + reason);
        events.publishEvent(new org.koban.server.coordination.EmbargoEnded(caseId, timeline.reference(caseId), reason));
    }

    private void record(@Nullable Actor actor, UUID caseId, String action, EmbargoView before, String text) {
        EmbargoView after = load(caseId);
        timeline.record(actor, caseId, action, true, text);
        // Everyone on the case is told of every step of the embargo but one participant's own answer.
        if (!action.equals("embargo.participant-responded")) {
            threads.appendToAll(caseId, "embargo", actor, text, "The embargo changed");
        }
        audit.record(
                actor == null ? Actor.system() : actor,
                action,
                "case-embargo",
                caseId,
                auditView(before),
                auditView(after));
    }

    private static Map<String, Object> auditView(EmbargoView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", e.state().name());
        if (e.end() != null) m.put("end", e.end().toString());
        if (e.proposedEnd() != null) m.put("proposedEnd", e.proposedEnd().toString());
        if (e.endReason() != null) m.put("endReason", e.endReason());
        return m;
    }

    private ZonedDateTime checkedEnd(@Nullable LocalDateTime end, @Nullable String timeZone) {
        Validation v = new Validation();
        ZoneId zone = null;
        if (timeZone == null || timeZone.isBlank()) {
            v.reject("timeZone", "is required, e.g. Asia/Tokyo or UTC");
        } else {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                v.reject("timeZone", "is not a time zone; use an IANA name such as Asia/Tokyo or Europe/Berlin");
            }
        }
        if (end == null) v.reject("end", "is required");
        v.throwIfInvalid();
        ZonedDateTime at = end.atZone(zone);
        Instant now = clock.instant();
        if (!at.toInstant().isAfter(now)) v.reject("end", "must be in the future");
        if (at.toInstant().isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            v.reject("end", "must be within " + MAX_DAYS + " days");
        }
        v.throwIfInvalid();
        return at;
    }

    private static void move(EmbargoView before, EmbargoState target) {
        if (!before.state().canMoveTo(target)) {
            throw InvalidInputException.of(
                    "state",
                    "An embargo that is " + before.state().label().toLowerCase() + " cannot become "
                            + target.label().toLowerCase());
        }
    }

    private void upsert(
            UUID caseId,
            EmbargoState state,
            @Nullable ZonedDateTime end,
            @Nullable ZonedDateTime proposed,
            @Nullable Instant endedAt,
            @Nullable String reason) {
        jdbc.sql("""
                        insert into case_embargo (case_id, state, end_at, end_zone, proposed_at, proposed_zone, ended_at,
                            end_reason, updated_at)
                        values (:id, :state, :endAt, :endZone, :proposedAt, :proposedZone, :endedAt, :reason, :now)
                        on conflict (case_id) do update set state = excluded.state, end_at = excluded.end_at,
                            end_zone = excluded.end_zone, proposed_at = excluded.proposed_at,
                            proposed_zone = excluded.proposed_zone, ended_at = excluded.ended_at,
                            end_reason = excluded.end_reason, updated_at = excluded.updated_at
                        """)
                .param("id", caseId)
                .param("state", state.name())
                .param("endAt", end == null ? null : Timestamp.from(end.toInstant()))
                .param("endZone", end == null ? null : end.getZone().getId())
                .param("proposedAt", proposed == null ? null : Timestamp.from(proposed.toInstant()))
                .param(
                        "proposedZone",
                        proposed == null ? null : proposed.getZone().getId())
                .param("endedAt", endedAt == null ? null : Timestamp.from(endedAt))
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Reads the embargo under a row lock (the case row when there is no embargo yet), so steps never interleave. */
    private EmbargoView lock(UUID caseId) {
        timeline.reference(caseId);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "embargo:" + caseId)
                .query((rs, n) -> null)
                .list();
        return load(caseId);
    }

    private EmbargoView load(UUID caseId) {
        // The answers shown are those to the proposal on the table; older proposals keep theirs in the history.
        List<EmbargoView.Response> responses = jdbc.sql("""
                        select r.participant_id, y.name, r.accepted, r.responded_at
                        from embargo_response r
                        join case_embargo e on e.case_id = r.case_id and e.proposed_at = r.proposed_at
                        join case_participant p on p.id = r.participant_id
                        join party y on y.id = p.party_id
                        where r.case_id = :id order by y.name
                        """)
                .param("id", caseId)
                .query((rs, n) -> new EmbargoView.Response(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return jdbc.sql("select * from case_embargo where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new EmbargoView(
                        caseId,
                        EmbargoState.valueOf(rs.getString("state")),
                        zoned(rs, "end_at", "end_zone"),
                        zoned(rs, "proposed_at", "proposed_zone"),
                        instant(rs, "ended_at"),
                        rs.getString("end_reason"),
                        instant(rs, "updated_at"),
                        responses))
                .optional()
                .orElse(EmbargoView.none(caseId));
    }

    private static @Nullable ZonedDateTime zoned(ResultSet rs, String at, String zone) throws SQLException {
        Timestamp t = rs.getTimestamp(at);
        return t == null ? null : t.toInstant().atZone(ZoneId.of(rs.getString(zone)));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** "2026-12-24 09:00 Asia/Tokyo (2026-12-24 00:00 UTC)". */
    static String shown(@Nullable ZonedDateTime at) {
        if (at == null) return "—";
        return SHOWN.format(at) + " " + at.getZone().getId() + " ("
                + SHOWN.format(at.withZoneSameInstant(ZoneOffset.UTC)) + " UTC)";
    }
}
