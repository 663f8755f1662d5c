package org.koban.server.coordination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.coordination.Recognition;
import org.koban.server.coordination.Recognitions;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcRecognitions implements Recognitions {

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Clock clock;

    JdbcRecognitions(
            JdbcClient jdbc, Permissions permissions, AuditLog audit, Cases cases, CaseTimeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recognition> list(Actor actor, UUID caseId) {
        cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        return query("r.case_id = :id", caseId);
    }

    @Override
    @Transactional
    public Recognition record(
            Actor actor,
            UUID caseId,
            UUID partyId,
            @Nullable String theirId,
            @Nullable String url,
            @Nullable LocalDate confirmedOn) {
        permissions.check(actor, Action.CASE_MANAGE);
        cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        Validation v = new Validation();
        String id = v.optionalText("theirId", theirId, 100);
        String link = v.webUrl("url", url);
        if (id == null && link == null) v.reject("theirId", "give their id or the URL of their published note");
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate on = confirmedOn == null ? today : confirmedOn;
        if (on.isAfter(today.plusDays(1))) v.reject("confirmedOn", "must not be in the future");
        String partyName = jdbc.sql("select name from party where id = :id")
                .param("id", partyId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (partyName == null) v.reject("partyId", "is not a party of the directory");
        v.throwIfInvalid();
        UUID recognitionId = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_recognition (id, case_id, party_id, their_id, url, confirmed_on, recorded_at)
                        values (:id, :caseId, :partyId, :theirId, :url, :on, :now)
                        """)
                .param("id", recognitionId)
                .param("caseId", caseId)
                .param("partyId", partyId)
                .param("theirId", id)
                .param("url", link)
                .param("on", on)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        timeline.record(
                actor,
                caseId,
                "recognition.recorded",
                true,
                partyName + " recognised the case on " + on + (id == null ? "" : " as " + id)
                        + (link == null ? "" : " — " + link));
        audit.record(
                actor,
                "recognition.recorded",
                "case-recognition",
                recognitionId,
                null,
                Map.of("party", partyName, "theirId", String.valueOf(id)));
        return query("r.id = :id", recognitionId).get(0);
    }

    @Override
    @Transactional
    public void remove(Actor actor, UUID caseId, UUID recognitionId) {
        permissions.check(actor, Action.CASE_MANAGE);
        cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        Recognition before = query("r.id = :id", recognitionId).stream()
                .filter(r -> r.caseId().equals(caseId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Recognition", recognitionId));
        jdbc.sql("delete from case_recognition where id = :id")
                .param("id", recognitionId)
                .update();
        timeline.record(
                actor, caseId, "recognition.removed", true, "Recognition by " + before.partyName() + " removed.");
        audit.record(
                actor,
                "recognition.removed",
                "case-recognition",
                recognitionId,
                Map.of("party", before.partyName()),
                null);
    }

    private List<Recognition> query(String predicate, UUID id) {
        return jdbc.sql(
                        "select r.*, p.name as party_name from case_recognition r join party p on p.id = r.party_id where "
                                + predicate + " order by r.confirmed_on, r.recorded_at")
                .param("id", id)
                .query((rs, n) -> new Recognition(
                        rs.getObject("id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getObject("party_id", UUID.class),
                        rs.getString("party_name"),
                        rs.getString("their_id"),
                        rs.getString("url"),
                        rs.getObject("confirmed_on", LocalDate.class),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
