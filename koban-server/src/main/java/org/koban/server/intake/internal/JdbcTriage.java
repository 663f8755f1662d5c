package org.koban.server.intake.internal;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.CaseLink;
import org.koban.server.intake.CloseReason;
import org.koban.server.intake.ReportAttachment;
import org.koban.server.intake.ReportDetail;
import org.koban.server.intake.ReportMessage;
import org.koban.server.intake.ReportState;
import org.koban.server.intake.ReportSummary;
import org.koban.server.intake.ReportTimings;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.intake.Triage;
import org.koban.server.intake.TriageQuery;
import org.koban.server.shared.EncryptedFiles;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.Validation;
import org.koban.server.sla.SlaAlert;
import org.koban.server.sla.SlaAlerts;
import org.koban.server.sla.SlaClock;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcTriage implements Triage {

    static final int FORWARDED_TO = 500;
    private static final int EXCERPT = 280;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final EncryptedFiles store;
    private final SlaPolicies sla;
    private final SlaAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcTriage(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            EncryptedFiles store,
            SlaPolicies sla,
            SlaAlerts alerts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.store = store;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ReportSummary> queue(Actor actor, TriageQuery query) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        SlaPolicy policy = sla.current();
        String[] states = query.states().stream().map(Enum::name).toArray(String[]::new);
        String where = """
                where r.state = any(:states)
                  and (:q = '' or r.search @@ websearch_to_tsquery('simple', :q) or r.reference ilike :like)
                """;
        String order = switch (query.sort()) {
            case OLDEST -> "r.received_at asc, r.reference";
            case NEWEST -> "r.received_at desc, r.reference desc";
            case DUE ->
                "r.triaged_at is not null, r.received_at + make_interval(days => :triageDays)"
                        + " + r.paused_seconds * interval '1 second', r.reference";
        };
        var page = query.page();
        long total = jdbc.sql("select count(*) from report r " + where)
                .param("states", states)
                .param("q", page.search())
                .param("like", page.likePattern())
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        // The page's ids first, then their rows: ordering the open reports then needs only the narrow
        // report_open_idx, not every open report's (wide) row.
        List<ReportSummary> items = jdbc.sql(
                        """
                        select r.id, r.reference, r.received_at, r.state, r.product_text, r.version,
                               left(r.description, :excerpt) as excerpt, r.already_public, r.exploited,
                               r.acknowledged_at, r.triaged_at, r.paused_at, r.paused_seconds, r.case_id,
                               r.case_reference,
                               (select count(*) from report_attachment a where a.report_id = r.id) as attachments
                        from report r
                        where r.id in (select r.id from report r
                        """ + where + " order by " + order + " limit :limit offset :offset)" + " order by " + order)
                .param("states", states)
                .param("q", page.search())
                .param("like", page.likePattern())
                .param("excerpt", EXCERPT)
                .param("triageDays", policy.triageDays())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new ReportSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        instant(rs, "received_at"),
                        ReportState.valueOf(rs.getString("state")),
                        rs.getString("product_text"),
                        rs.getString("version"),
                        rs.getString("excerpt"),
                        rs.getInt("attachments"),
                        rs.getBoolean("already_public"),
                        rs.getBoolean("exploited"),
                        acknowledgement(policy, rs, now),
                        triageClock(policy, rs, now),
                        caseLink(rs),
                        Duration.between(instant(rs, "received_at"), now)))
                .list();
        return Page.of(items, page, total);
    }

    @Override
    @Transactional(readOnly = true)
    public ReportDetail report(Actor actor, UUID reportId) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        return load(reportId);
    }

    @Override
    @Transactional
    public ReportDetail acknowledge(Actor actor, UUID reportId, @Nullable String message) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        Validation v = new Validation();
        v.optional("message", message, MAX_MESSAGE_LENGTH);
        v.throwIfInvalid();
        Row row = lock(reportId);
        if (row.acknowledgedAt != null) throw InvalidInputException.of("state", "The report was already acknowledged");
        Instant now = clock.instant();
        jdbc.sql("update report set acknowledged_at = :now, updated_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", reportId)
                .update();
        String text = message == null || message.isBlank()
                ? "Thank you for your report. The PSIRT has received it and is looking into it."
                : message.strip();
        addMessage(reportId, actor, text, false, now);
        audit.record(actor, "report.acknowledged", "report", reportId, null, Map.of("reference", row.reference));
        tellReporter(row, "Your report " + row.reference + " was acknowledged", text);
        return load(reportId);
    }

    @Override
    @Transactional
    public ReportDetail askForInformation(Actor actor, UUID reportId, String question) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        Validation v = new Validation();
        v.required("question", question, MAX_MESSAGE_LENGTH);
        v.throwIfInvalid();
        Row row = lock(reportId);
        move(row, ReportState.NEEDS_INFORMATION);
        Instant now = clock.instant();
        // Asking is also an answer to the reporter, so it acknowledges the report if nothing did before.
        jdbc.sql("""
                        update report set state = :state, paused_at = :now, updated_at = :now,
                            acknowledged_at = coalesce(acknowledged_at, :now)
                        where id = :id
                        """)
                .param("state", ReportState.NEEDS_INFORMATION.name())
                .param("now", Timestamp.from(now))
                .param("id", reportId)
                .update();
        addMessage(reportId, actor, question.strip(), false, now);
        audit.record(
                actor,
                "report.information-requested",
                "report",
                reportId,
                Map.of("state", row.state.name()),
                Map.of("state", ReportState.NEEDS_INFORMATION.name()));
        tellReporter(
                row,
                "Question about your report " + row.reference,
                question.strip() + "\n\nPlease answer through your tracking link.");
        return load(reportId);
    }

    @Override
    @Transactional
    public ReportDetail resume(Actor actor, UUID reportId) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        Row row = lock(reportId);
        move(row, ReportState.RECEIVED);
        resumeClock(reportId, row.state);
        audit.record(
                actor,
                "report.resumed",
                "report",
                reportId,
                Map.of("state", row.state.name()),
                Map.of("state", ReportState.RECEIVED.name()));
        return load(reportId);
    }

    /** Ends a wait for the reporter: adds the waited time to the paused total. Used by the reporter's reply too. */
    void resumeClock(UUID reportId, ReportState from) {
        if (from != ReportState.NEEDS_INFORMATION) return;
        Instant now = clock.instant();
        jdbc.sql("""
                        update report set state = :state, updated_at = :now,
                            paused_seconds = paused_seconds
                                + greatest(0, extract(epoch from (:now - coalesce(paused_at, :now)))::bigint),
                            paused_at = null
                        where id = :id
                        """)
                .param("state", ReportState.RECEIVED.name())
                .param("now", Timestamp.from(now))
                .param("id", reportId)
                .update();
    }

    @Override
    @Transactional
    public ReportDetail close(
            Actor actor,
            UUID reportId,
            CloseReason reason,
            @Nullable String forwardedTo,
            @Nullable String messageToReporter) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        Validation v = new Validation();
        v.optional("forwardedTo", forwardedTo, FORWARDED_TO);
        v.optional("message", messageToReporter, MAX_MESSAGE_LENGTH);
        boolean forwarded = forwardedTo != null && !forwardedTo.isBlank();
        if (reason == CloseReason.OTHER_VENDOR && !forwarded) {
            v.reject("forwardedTo", "say to whom the report was forwarded (the other vendor or coordinator)");
        }
        v.throwIfInvalid();
        Row row = lock(reportId);
        move(row, ReportState.CLOSED);
        Instant now = clock.instant();
        String note = messageToReporter == null || messageToReporter.isBlank() ? null : messageToReporter.strip();
        decide(row, ReportState.CLOSED, now);
        jdbc.sql(
                        "update report set close_reason = :reason, forwarded_to = :forwardedTo, close_note = :note where id = :id")
                .param("reason", reason.name())
                .param("forwardedTo", forwarded ? forwardedTo.strip() : null)
                .param("note", note)
                .param("id", reportId)
                .update();
        String text = "The PSIRT closed your report: " + reason.label().toLowerCase() + "."
                + (forwarded ? " It was forwarded to " + forwardedTo.strip() + "." : "")
                + (note == null ? "" : "\n\n" + note);
        addMessage(reportId, actor, text, false, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", ReportState.CLOSED.name());
        after.put("reason", reason.name());
        if (forwarded) after.put("forwardedTo", forwardedTo.strip());
        audit.record(actor, "report.closed", "report", reportId, Map.of("state", row.state.name()), after);
        tellReporter(row, "Your report " + row.reference + " was closed", text);
        return load(reportId);
    }

    @Override
    @Transactional
    public ReportDetail message(Actor actor, UUID reportId, String body, boolean internal) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        Validation v = new Validation();
        v.required("message", body, MAX_MESSAGE_LENGTH);
        v.throwIfInvalid();
        Row row = lock(reportId);
        Instant now = clock.instant();
        addMessage(reportId, actor, body.strip(), internal, now);
        if (!internal) {
            jdbc.sql(
                            "update report set acknowledged_at = coalesce(acknowledged_at, :now), updated_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", reportId)
                    .update();
            tellReporter(row, "New message about your report " + row.reference, body.strip());
        }
        audit.record(
                actor,
                internal ? "report.note-added" : "report.message-sent",
                "report",
                reportId,
                null,
                Map.of("reference", row.reference, "length", body.length()));
        return load(reportId);
    }

    @Override
    @Transactional
    public ReportDetail accept(Actor actor, UUID reportId, CaseLink link) {
        return join(
                actor,
                reportId,
                link,
                ReportState.ACCEPTED,
                "report.accepted",
                "is being handled as case",
                "The PSIRT confirmed your report and opened case " + link.caseReference()
                        + ". Your tracking link shows its progress.");
    }

    @Override
    @Transactional
    public ReportDetail merge(Actor actor, UUID reportId, CaseLink link) {
        return join(
                actor,
                reportId,
                link,
                ReportState.MERGED,
                "report.merged",
                "joins case",
                "Your report describes a vulnerability we already handle as case " + link.caseReference()
                        + ". You keep the credit for what you found, and your tracking link shows the case's"
                        + " progress.");
    }

    /** The report becomes (accepted) or joins (merged) a case: one decision, audited, and the reporter told. */
    private ReportDetail join(
            Actor actor, UUID reportId, CaseLink link, ReportState state, String action, String subject, String text) {
        permissions.check(actor, Action.CASE_MANAGE);
        Row row = lock(reportId);
        move(row, state);
        link(row, state, link);
        audit.record(
                actor,
                action,
                "report",
                reportId,
                Map.of("state", row.state.name()),
                Map.of("state", state.name(), "case", link.caseReference()));
        tellReporter(row, "Your report " + row.reference + " " + subject + " " + link.caseReference(), text);
        return load(reportId);
    }

    private void link(Row row, ReportState state, CaseLink link) {
        Instant now = clock.instant();
        decide(row, state, now);
        jdbc.sql("update report set case_id = :caseId, case_reference = :caseReference where id = :id")
                .param("caseId", link.caseId())
                .param("caseReference", link.caseReference())
                .param("id", row.id)
                .update();
    }

    /** A decision ends triage: sets the state, stops both clocks (and a pending wait). */
    private void decide(Row row, ReportState state, Instant now) {
        resumeClock(row.id, row.state);
        jdbc.sql("""
                        update report set state = :state, triaged_at = :now, updated_at = :now,
                            acknowledged_at = coalesce(acknowledged_at, :now)
                        where id = :id
                        """)
                .param("state", state.name())
                .param("now", Timestamp.from(now))
                .param("id", row.id)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReportDetail> reportsOfCase(UUID caseId) {
        return jdbc
                .sql("select id from report where case_id = :caseId order by received_at, reference")
                .param("caseId", caseId)
                .query(UUID.class)
                .list()
                .stream()
                .map(this::load)
                .toList();
    }

    @Override
    @Transactional
    public void notifyReportersOfCase(UUID caseId, String subject, String text) {
        for (Row row : rowsOfCase(caseId)) tellReporter(row, subject + " (" + row.reference + ")", text);
    }

    @Override
    @Transactional
    public void messageReportersOfCase(Actor actor, UUID caseId, String body) {
        permissions.check(actor, Action.CASE_MANAGE);
        Validation v = new Validation();
        v.required("message", body, MAX_MESSAGE_LENGTH);
        v.throwIfInvalid();
        Instant now = clock.instant();
        List<Row> rows = rowsOfCase(caseId);
        if (rows.isEmpty()) throw InvalidInputException.of("message", "This case has no reporter to write to");
        for (Row row : rows) {
            addMessage(row.id, actor, body.strip(), false, now);
            tellReporter(row, "New message about your report " + row.reference, body.strip());
            audit.record(
                    actor,
                    "report.message-sent",
                    "report",
                    row.id,
                    null,
                    Map.of("reference", row.reference, "length", body.length()));
        }
    }

    @Override
    @Transactional
    public int raiseSlaAlerts(Instant now) {
        SlaPolicy policy = sla.current();
        // Acknowledgement: no answer yet to the reporter (waiting for them does not stop this clock).
        int raised = raise(
                now,
                policy,
                "acknowledge",
                "Acknowledge the report",
                policy.acknowledgeDays(),
                "state in ('RECEIVED', 'NEEDS_INFORMATION') and acknowledged_at is null",
                false);
        // Triage: not decided, and not waiting for the reporter (the clock is paused then).
        raised += raise(
                now,
                policy,
                "triage",
                "Triage the report",
                policy.triageDays(),
                "state = 'RECEIVED' and triaged_at is null",
                true);
        return raised;
    }

    private int raise(
            Instant now,
            SlaPolicy policy,
            String target,
            String words,
            int days,
            String openPredicate,
            boolean pauses) {
        String paused = pauses ? " + paused_seconds * interval '1 second'" : "";
        int raised = 0;
        for (var row : jdbc.sql("select id, reference, received_at, paused_seconds from report where " + openPredicate
                        + " and received_at + make_interval(days => :days) * :share" + paused + " <= :now")
                .param("days", days)
                .param("share", policy.warningPercent() / 100.0)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("reference"),
                    instant(rs, "received_at"),
                    rs.getLong("paused_seconds")
                })
                .list()) {
            Duration pausedFor = pauses ? Duration.ofSeconds((Long) row[3]) : Duration.ZERO;
            Instant due = SlaPolicy.due((Instant) row[2], days, pausedFor);
            if (alerts.raiseOnce((UUID) row[0], target, alert(now, due, (String) row[1], words, (UUID) row[0])))
                raised++;
        }
        return raised;
    }

    private static SlaAlert alert(Instant now, Instant due, String reference, String target, UUID reportId) {
        return new SlaAlert(
                now.isAfter(due) ? SlaAlert.Level.BREACH : SlaAlert.Level.WARNING,
                reference,
                target,
                due,
                null,
                null,
                "/reports/" + reportId);
    }

    @Override
    @Transactional(readOnly = true)
    public ReportTimings timings(Actor actor) {
        permissions.check(actor, Action.DASHBOARD_VIEW);
        Instant since = clock.instant().minus(Duration.ofDays(365));
        return jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from (acknowledged_at - received_at)))
                                   filter (where acknowledged_at is not null),
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from (triaged_at - received_at)) - paused_seconds)
                                   filter (where triaged_at is not null)
                        from report where received_at >= :since
                        """)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new ReportTimings(seconds(rs, 1), seconds(rs, 2)))
                .single();
    }

    private static @Nullable Duration seconds(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofSeconds(Math.round(value));
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent openAttachment(Actor actor, UUID reportId, UUID attachmentId) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        permissions.check(actor, Action.ATTACHMENT_DOWNLOAD);
        return open(attachment("a.report_id = :owner", reportId, attachmentId));
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent openCaseAttachment(UUID caseId, UUID attachmentId) {
        return open(attachment("r.case_id = :owner", caseId, attachmentId));
    }

    private ReportAttachment attachment(String ownerPredicate, UUID owner, UUID attachmentId) {
        return jdbc.sql("""
                        select a.id, a.report_id, a.file_name, a.content_type, a.size, a.sha256, a.created_at,
                               a.storage_key
                        from report_attachment a join report r on r.id = a.report_id
                        where a.id = :id and\s""" + ownerPredicate)
                .param("id", attachmentId)
                .param("owner", owner)
                .query(JdbcTriage::attachment)
                .optional()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    private AttachmentContent open(ReportAttachment attachment) {
        String key = jdbc.sql("select storage_key from report_attachment where id = :id")
                .param("id", attachment.id())
                .query(String.class)
                .single();
        try {
            return new AttachmentContent(attachment, store.open(key));
        } catch (IOException e) {
            throw new IllegalStateException("Attachment " + attachment.id() + " cannot be read", e);
        }
    }

    // --- rows -------------------------------------------------------------------------------------------

    /** The columns a decision needs, read under a row lock so two analysts cannot decide at once. */
    private record Row(
            UUID id,
            String reference,
            ReportState state,
            @Nullable String email,
            @Nullable String pgpKey,
            @Nullable Instant acknowledgedAt) {}

    private Row lock(UUID reportId) {
        return jdbc.sql("""
                        select id, reference, state, reporter_email, reporter_pgp_key, acknowledged_at
                        from report where id = :id for update
                        """)
                .param("id", reportId)
                .query(JdbcTriage::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Report", reportId));
    }

    private List<Row> rowsOfCase(UUID caseId) {
        return jdbc.sql("""
                        select id, reference, state, reporter_email, reporter_pgp_key, acknowledged_at
                        from report where case_id = :caseId order by received_at
                        """).param("caseId", caseId).query(JdbcTriage::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                ReportState.valueOf(rs.getString("state")),
                rs.getString("reporter_email"),
                rs.getString("reporter_pgp_key"),
                nullableInstant(rs, "acknowledged_at"));
    }

    private static void move(Row row, ReportState target) {
        if (!row.state.canMoveTo(target)) {
            throw InvalidInputException.of(
                    "state",
                    "A report that is " + row.state.label().toLowerCase() + " cannot become "
                            + target.label().toLowerCase());
        }
    }

    private void addMessage(UUID reportId, @Nullable Actor actor, String body, boolean internal, Instant at) {
        jdbc.sql("""
                        insert into report_message (id, report_id, author, author_id, author_name, internal, body, created_at)
                        values (:id, :reportId, :author, :authorId, :authorName, :internal, :body, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("reportId", reportId)
                .param("author", actor == null ? "REPORTER" : "PSIRT")
                .param("authorId", actor == null ? null : actor.id())
                .param("authorName", actor == null ? null : actor.name())
                .param("internal", internal)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Stores the reporter's message; called by the tracking link's reply. */
    void addReporterMessage(UUID reportId, String body, Instant at) {
        addMessage(reportId, null, body, false, at);
    }

    private void tellReporter(Row row, String subject, String text) {
        if (row.email == null) return;
        events.publishEvent(new ReporterNotified(row.id, row.reference, row.email, row.pgpKey, subject, text));
    }

    ReportDetail load(UUID reportId) {
        SlaPolicy policy = sla.current();
        Instant now = clock.instant();
        List<ReportMessage> messages = messages(reportId, true);
        List<ReportAttachment> attachments = attachments(reportId);
        return jdbc.sql("select * from report where id = :id")
                .param("id", reportId)
                .query((rs, n) -> new ReportDetail(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        instant(rs, "received_at"),
                        ReportState.valueOf(rs.getString("state")),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("product_text"),
                        rs.getString("version"),
                        rs.getString("description"),
                        rs.getString("impact"),
                        rs.getString("steps_to_reproduce"),
                        rs.getBoolean("already_public"),
                        rs.getBoolean("exploited"),
                        Arrays.asList((String[]) rs.getArray("references").getArray()),
                        rs.getString("disclosure_plans"),
                        rs.getString("reporter_name"),
                        rs.getString("reporter_organisation"),
                        rs.getString("reporter_email"),
                        rs.getString("reporter_pgp_key") != null,
                        rs.getString("credit_as"),
                        rs.getBoolean("share_contact"),
                        rs.getString("close_reason") == null ? null : CloseReason.valueOf(rs.getString("close_reason")),
                        rs.getString("forwarded_to"),
                        rs.getString("close_note"),
                        caseLink(rs),
                        nullableInstant(rs, "acknowledged_at"),
                        nullableInstant(rs, "triaged_at"),
                        acknowledgement(policy, rs, now),
                        triageClock(policy, rs, now),
                        messages,
                        attachments))
                .optional()
                .orElseThrow(() -> new NotFoundException("Report", reportId));
    }

    List<ReportMessage> messages(UUID reportId, boolean withInternal) {
        return jdbc.sql("""
                        select id, author, author_name, internal, body, created_at from report_message
                        where report_id = :id and (:withInternal or not internal) order by created_at, id
                        """)
                .param("id", reportId)
                .param("withInternal", withInternal)
                .query((rs, n) -> new ReportMessage(
                        rs.getObject("id", UUID.class),
                        ReportMessage.Author.valueOf(rs.getString("author")),
                        rs.getString("author_name"),
                        rs.getBoolean("internal"),
                        rs.getString("body"),
                        instant(rs, "created_at")))
                .list();
    }

    List<ReportAttachment> attachments(UUID reportId) {
        return jdbc.sql("""
                        select id, report_id, file_name, content_type, size, sha256, created_at
                        from report_attachment where report_id = :id order by created_at, file_name
                        """).param("id", reportId).query(JdbcTriage::attachment).list();
    }

    private static ReportAttachment attachment(ResultSet rs, int n) throws SQLException {
        return new ReportAttachment(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                instant(rs, "created_at"));
    }

    private static SlaClock acknowledgement(SlaPolicy policy, ResultSet rs, Instant now) throws SQLException {
        return SlaClock.of(
                policy,
                instant(rs, "received_at"),
                policy.acknowledgeDays(),
                Duration.ZERO,
                false,
                nullableInstant(rs, "acknowledged_at"),
                now);
    }

    private static SlaClock triageClock(SlaPolicy policy, ResultSet rs, Instant now) throws SQLException {
        Instant pausedAt = nullableInstant(rs, "paused_at");
        Duration paused = Duration.ofSeconds(rs.getLong("paused_seconds"));
        if (pausedAt != null && now.isAfter(pausedAt)) paused = paused.plus(Duration.between(pausedAt, now));
        return SlaClock.of(
                policy,
                instant(rs, "received_at"),
                policy.triageDays(),
                paused,
                pausedAt != null,
                nullableInstant(rs, "triaged_at"),
                now);
    }

    private static @Nullable CaseLink caseLink(ResultSet rs) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        return caseId == null ? null : new CaseLink(caseId, rs.getString("case_reference"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
