package org.koban.server.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.LineScope;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseDashboard;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseFact;
import org.koban.server.cases.CaseFilter;
import org.koban.server.cases.CaseState;
import org.koban.server.cases.CaseSummary;
import org.koban.server.cases.Cases;
import org.koban.server.cases.NotAffectedJustification;
import org.koban.server.cases.RemediationTaskAssigned;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TaskState;
import org.koban.server.cases.TaskView;
import org.koban.server.cases.TimelineEntry;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VersionStatusView;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.CaseLink;
import org.koban.server.intake.ReportDetail;
import org.koban.server.intake.ReportTimings;
import org.koban.server.intake.Triage;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CvssScore;
import org.koban.server.scoring.CvssVersion;
import org.koban.server.scoring.CweEntry;
import org.koban.server.scoring.Severity;
import org.koban.server.scoring.Weaknesses;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCases implements Cases, org.koban.server.cases.CaseTimeline {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_VERSIONS_PER_DECISION = 1_000;
    private static final int MAX_STATEMENT = 4_000;
    private static final int MAX_FIXED_VERSIONS = 1_000;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Triage triage;
    private final Catalog catalog;
    private final Organisation organisation;
    private final Cvss cvss;
    private final Weaknesses weaknesses;
    private final SlaPolicies sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<org.koban.server.cases.ManagedCves> managedCves;
    private final String prefix;

    JdbcCases(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Triage triage,
            Catalog catalog,
            Organisation organisation,
            Cvss cvss,
            Weaknesses weaknesses,
            SlaPolicies sla,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${koban.cases.reference-prefix:KOBAN-C}") String prefix,
            org.springframework.beans.factory.ObjectProvider<org.koban.server.cases.ManagedCves> managedCves) {
        this.managedCves = managedCves;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.triage = triage;
        this.catalog = catalog;
        this.organisation = organisation;
        this.cvss = cvss;
        this.weaknesses = weaknesses;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
        this.prefix = prefix;
    }

    // --- lists and pages ----------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Page<CaseSummary> list(Actor actor, CaseFilter filter, PageQuery query) {
        permissions.check(actor, Action.CASE_VIEW);
        LineScope scope = permissions.scopeFor(actor, Action.CASE_VIEW);
        String[] states = (filter.states().isEmpty() ? openStates() : filter.states())
                .stream().map(Enum::name).toArray(String[]::new);
        String where = """
                where c.state = any(:states)
                  and (:scopeAll or exists (select 1 from remediation_task s
                       where s.case_id = c.id and s.line_id = any(:scopeLines)))
                  and (cast(:severity as text) is null or c.severity = :severity)
                  and (cast(:line as uuid) is null or exists (select 1 from remediation_task l
                       where l.case_id = c.id and l.line_id = :line))
                  and (:q = '' or c.search @@ websearch_to_tsquery('simple', :q) or c.reference ilike :like
                       or exists (select 1 from vulnerability v where v.case_id = c.id and v.cve ilike :like))
                """;
        var statement = jdbc.sql("select count(*) from psirt_case c " + where);
        long total = bindList(statement, states, scope, filter, query)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("""
                        select c.id, c.reference, c.title, c.state, c.severity, c.opened_at, c.updated_at,
                               (select count(*) from vulnerability v where v.case_id = c.id) as vulnerabilities,
                               (select count(*) from remediation_task t where t.case_id = c.id
                                    and t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY') and %1$s) as open_tasks,
                               (select min(t.due_on) from remediation_task t where t.case_id = c.id
                                    and t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY') and %1$s) as next_due
                        from psirt_case c
                        """.formatted(OWN_TASKS) + where
                + " order by c.updated_at desc, c.reference desc limit :limit offset :offset");
        List<CaseSummary> items = bindList(rows, states, scope, filter, query)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query((rs, n) -> new CaseSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("title"),
                        CaseState.valueOf(rs.getString("state")),
                        severity(rs.getString("severity")),
                        instant(rs, "opened_at"),
                        instant(rs, "updated_at"),
                        rs.getInt("vulnerabilities"),
                        rs.getInt("open_tasks"),
                        rs.getObject("next_due", LocalDate.class)))
                .list();
        return Page.of(items, query, total);
    }

    /** Line people count and date only their own lines' tasks: other lines' work is not theirs to see. */
    private static final String OWN_TASKS = LineScope.sqlPredicate("t.line_id");

    private static JdbcClient.StatementSpec bindList(
            JdbcClient.StatementSpec spec, String[] states, LineScope scope, CaseFilter filter, PageQuery query) {
        return spec.param("states", states)
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .param(
                        "severity",
                        filter.severity() == null ? null : filter.severity().name())
                .param("line", filter.lineId())
                .param("q", query.search())
                .param("like", query.likePattern());
    }

    private static Set<CaseState> openStates() {
        Set<CaseState> open = new LinkedHashSet<>();
        for (CaseState s : CaseState.values()) if (s.isOpen()) open.add(s);
        return open;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseDetail get(Actor actor, UUID caseId, PageQuery timelinePage) {
        Access access = checkView(actor, caseId);
        return detail(actor, access, caseId, timelinePage);
    }

    /** How much of a case the actor sees: everything, or their own lines' part. */
    private record Access(boolean everything, Set<UUID> lines) {
        boolean sees(UUID lineId) {
            return everything || lines.contains(lineId);
        }
    }

    private Access checkView(Actor actor, UUID caseId) {
        permissions.check(actor, Action.CASE_VIEW);
        if (!exists(caseId)) throw new NotFoundException("Case", caseId);
        LineScope scope = permissions.scopeFor(actor, Action.CASE_VIEW);
        if (scope.all()) return new Access(true, Set.of());
        Set<UUID> lines = caseLines(caseId);
        // A case none of the actor's lines work on does not exist for them: 404, so ids cannot be probed.
        if (!permissions.canOnAnyLine(actor, Action.CASE_VIEW, lines)) throw new NotFoundException("Case", caseId);
        Set<UUID> own = new LinkedHashSet<>(lines);
        own.retainAll(scope.lineIds());
        return new Access(false, own);
    }

    private boolean exists(UUID caseId) {
        return jdbc.sql("select count(*) from psirt_case where id = :id")
                        .param("id", caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Set<UUID> caseLines(UUID caseId) {
        return new LinkedHashSet<>(jdbc.sql("select line_id from remediation_task where case_id = :id")
                .param("id", caseId)
                .query(UUID.class)
                .list());
    }

    private CaseDetail detail(Actor actor, Access access, UUID caseId, PageQuery timelinePage) {
        var tasks = tasks(caseId).stream().filter(t -> access.sees(t.lineId())).toList();
        var vulnerabilities = vulnerabilities(caseId, access);
        // Reporters' contact details are for the PSIRT: line people see what was reported, not who reported it.
        List<ReportDetail> reports = permissions.can(actor, Action.REPORT_TRIAGE)
                ? triage.reportsOfCase(caseId)
                : triage.reportsOfCase(caseId).stream()
                        .map(JdbcCases::withoutContact)
                        .toList();
        Page<TimelineEntry> timeline = timelinePage(caseId, access, timelinePage);
        return jdbc.sql("select * from psirt_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> {
                    Map<CaseFact, Instant> facts = new EnumMap<>(CaseFact.class);
                    for (CaseFact fact : CaseFact.values()) {
                        Instant at = nullableInstant(rs, column(fact));
                        if (at != null) facts.put(fact, at);
                    }
                    return new CaseDetail(
                            caseId,
                            rs.getString("reference"),
                            rs.getString("title"),
                            rs.getString("summary"),
                            CaseState.valueOf(rs.getString("state")),
                            rs.getString("state_reason"),
                            severity(rs.getString("severity")),
                            instant(rs, "opened_at"),
                            instant(rs, "updated_at"),
                            facts,
                            vulnerabilities,
                            tasks,
                            reports,
                            timeline);
                })
                .single();
    }

    private static ReportDetail withoutContact(ReportDetail r) {
        return new ReportDetail(
                r.id(),
                r.reference(),
                r.receivedAt(),
                r.state(),
                r.productId(),
                r.product(),
                r.version(),
                r.description(),
                r.impact(),
                r.stepsToReproduce(),
                r.alreadyPublic(),
                r.exploited(),
                r.references(),
                r.disclosurePlans(),
                null,
                null,
                null,
                false,
                r.creditAs(),
                false,
                r.closeReason(),
                null,
                null,
                r.caseLink(),
                r.acknowledgedAt(),
                r.triagedAt(),
                r.acknowledgement(),
                r.triage(),
                r.messages().stream().filter(m -> !m.internal()).toList(),
                r.attachments());
    }

    private List<VulnerabilityView> vulnerabilities(UUID caseId, Access access) {
        Map<UUID, List<VersionStatusView>> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.* from vulnerability_status s join vulnerability v on v.id = s.vulnerability_id
                        where v.case_id = :id order by s.product_name, s.version
                        """)
                .param("id", caseId)
                .query((rs, n) -> {
                    UUID lineId = rs.getObject("line_id", UUID.class);
                    if (!access.sees(lineId)) return null;
                    String justification = rs.getString("justification");
                    statuses.computeIfAbsent(rs.getObject("vulnerability_id", UUID.class), k -> new ArrayList<>())
                            .add(new VersionStatusView(
                                    rs.getObject("product_version_id", UUID.class),
                                    rs.getString("product_name"),
                                    rs.getString("version"),
                                    lineId,
                                    VersionStatus.valueOf(rs.getString("status")),
                                    justification == null ? null : NotAffectedJustification.valueOf(justification),
                                    rs.getString("statement"),
                                    instant(rs, "updated_at")));
                    return null;
                })
                .list();
        return jdbc.sql("select * from vulnerability where case_id = :id order by created_at, id")
                .param("id", caseId)
                .query((rs, n) -> vulnerability(rs, statuses.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    private static VulnerabilityView vulnerability(ResultSet rs, List<VersionStatusView> statuses) throws SQLException {
        return new VulnerabilityView(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("cwe_id"),
                rs.getString("cwe_name"),
                rs.getString("cvss3_vector"),
                rs.getBigDecimal("cvss3_score"),
                severity(rs.getString("cvss3_severity")),
                rs.getString("cvss4_vector"),
                rs.getBigDecimal("cvss4_score"),
                severity(rs.getString("cvss4_severity")),
                rs.getString("cve"),
                List.copyOf(statuses));
    }

    private List<TaskView> tasks(UUID caseId) {
        return jdbc.sql("select * from remediation_task where case_id = :id order by line_name")
                .param("id", caseId)
                .query(JdbcCases::task)
                .list();
    }

    static TaskView task(ResultSet rs, int n) throws SQLException {
        return new TaskView(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getObject("line_id", UUID.class),
                rs.getString("line_name"),
                TaskState.valueOf(rs.getString("state")),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("fixed_versions"),
                rs.getString("reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** The timeline as the actor may see it: entries about another line's part of the case are left out. */
    private Page<TimelineEntry> timelinePage(UUID caseId, Access access, PageQuery query) {
        String visible = "case_id = :id and (:all or line_id is null or line_id = any(:lines))";
        UUID[] lines = access.lines().toArray(UUID[]::new);
        long total = jdbc.sql("select count(*) from timeline_entry where " + visible)
                .param("id", caseId)
                .param("all", access.everything())
                .param("lines", lines)
                .query(Long.class)
                .single();
        List<TimelineEntry> items = jdbc.sql(
                        "select id, at, actor_name, kind, internal, text from timeline_entry where " + visible
                                + " order by id desc limit :limit offset :offset")
                .param("id", caseId)
                .param("all", access.everything())
                .param("lines", lines)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query((rs, n) -> new TimelineEntry(
                        rs.getLong("id"),
                        instant(rs, "at"),
                        rs.getString("actor_name"),
                        rs.getString("kind"),
                        rs.getBoolean("internal"),
                        rs.getString("text")))
                .list();
        return Page.of(items, query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<TimelineEntry> timeline(Actor actor, UUID caseId, PageQuery query) {
        return timelinePage(caseId, checkView(actor, caseId), query);
    }

    // --- opening and merging ------------------------------------------------------------------------------

    @Override
    @Transactional
    public CaseDetail openFromReport(Actor actor, UUID reportId, String title) {
        permissions.check(actor, Action.CASE_MANAGE);
        Validation v = new Validation();
        v.required("title", title, MAX_TITLE);
        v.throwIfInvalid();
        ReportDetail report = triage.report(actor, reportId);
        UUID caseId = UUID.randomUUID();
        Instant now = clock.instant();
        String reference = nextReference(now);
        String summary = report.product() == null
                ? ""
                : "Reported for " + report.product() + (report.version() == null ? "" : " " + report.version()) + ".";
        jdbc.sql("""
                        insert into psirt_case (id, reference, title, summary, state, opened_at, updated_at,
                            vendor_aware_at, public_aware_at, exploit_public_at)
                        values (:id, :reference, :title, :summary, :state, :now, :now, :aware, :public, :exploit)
                        """)
                .param("id", caseId)
                .param("reference", reference)
                .param("title", title.strip())
                .param("summary", summary)
                .param("state", CaseState.ANALYSIS.name())
                .param("now", Timestamp.from(now))
                .param("aware", Timestamp.from(report.receivedAt()))
                // What the reporter told us is a fact to check, but until checked we act on it.
                .param("public", report.alreadyPublic() ? Timestamp.from(now) : null)
                .param("exploit", report.exploited() ? Timestamp.from(now) : null)
                .update();
        triage.accept(actor, reportId, new CaseLink(caseId, reference));
        timeline(caseId, actor, "case.opened", true, "Case opened from report " + report.reference() + ".");
        audit.record(
                actor,
                "case.opened",
                "case",
                caseId,
                null,
                Map.of("reference", reference, "report", report.reference()));
        return detail(actor, new Access(true, Set.of()), caseId, PageQuery.of(null, 0, 50));
    }

    @Override
    @Transactional
    public CaseDetail mergeReport(Actor actor, UUID reportId, String caseReference) {
        permissions.check(actor, Action.CASE_MANAGE);
        String ref = caseReference == null ? "" : caseReference.strip();
        if (!CASE_REFERENCE.matcher(ref).matches())
            throw InvalidInputException.of("caseReference", "is not a case reference");
        UUID caseId = jdbc.sql("select id from psirt_case where upper(reference) = upper(:ref) for update")
                .param("ref", ref)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> InvalidInputException.of("caseReference", "no case " + ref));
        CaseRow row = lock(caseId);
        ReportDetail report = triage.report(actor, reportId);
        triage.merge(actor, reportId, new CaseLink(caseId, row.reference));
        touch(caseId);
        timeline(caseId, actor, "case.report-merged", true, "Report " + report.reference() + " merged as a duplicate.");
        audit.record(actor, "case.report-merged", "case", caseId, null, Map.of("report", report.reference()));
        return detail(actor, new Access(true, Set.of()), caseId, PageQuery.of(null, 0, 50));
    }

    private String nextReference(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int next = jdbc.sql("""
                        insert into case_reference_counter (year, last_value) values (:year, 1)
                        on conflict (year) do update set last_value = case_reference_counter.last_value + 1
                        returning last_value
                        """).param("year", year).query(Integer.class).single();
        return "%s-%d-%04d".formatted(prefix, year, next);
    }

    // --- editing ------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public CaseDetail update(Actor actor, UUID caseId, @Nullable String title, @Nullable String summary) {
        permissions.check(actor, Action.CASE_MANAGE);
        Validation v = new Validation();
        v.required("title", title, MAX_TITLE);
        v.optional("summary", summary, MAX_TEXT);
        v.throwIfInvalid();
        CaseRow row = lock(caseId);
        jdbc.sql("update psirt_case set title = :title, summary = :summary, updated_at = :now where id = :id")
                .param("title", title.strip())
                .param("summary", summary == null ? "" : summary.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", caseId)
                .update();
        timeline(caseId, actor, "case.updated", true, "Title and summary edited.");
        audit.record(actor, "case.updated", "case", caseId, Map.of("title", row.title), Map.of("title", title.strip()));
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    @Override
    @Transactional
    public CaseDetail move(Actor actor, UUID caseId, CaseState target, @Nullable String reason) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseRow row = lock(caseId);
        Validation v = new Validation();
        v.optional("reason", reason, MAX_TEXT);
        if (!row.state.canMoveTo(target)) {
            v.reject(
                    "state",
                    "A case in " + row.state.label().toLowerCase() + " cannot move to "
                            + target.label().toLowerCase());
        }
        boolean hasReason = reason != null && !reason.isBlank();
        if (target.needsReason() && !hasReason)
            v.reject("reason", "say why the case is " + target.label().toLowerCase());
        v.throwIfInvalid();
        List<TaskView> tasks = tasks(caseId);
        if (target == CaseState.REMEDIATION && tasks.isEmpty()) {
            v.reject(
                    "state",
                    "Remediation needs at least one product version marked known affected (which assigns its line)");
        }
        if ((target == CaseState.DISCLOSURE || target == CaseState.CLOSED)
                && tasks.stream().anyMatch(t -> t.state().isOpen())) {
            v.reject("state", "Every remediation task must be released or won't fix first");
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        jdbc.sql("update psirt_case set state = :state, state_reason = :reason, updated_at = :now where id = :id")
                .param("state", target.name())
                .param("reason", hasReason ? reason.strip() : null)
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update();
        timeline(
                caseId,
                actor,
                "case.moved",
                true,
                row.state.label() + " → " + target.label() + (hasReason ? ": " + reason.strip() : "."));
        audit.record(
                actor,
                "case.moved",
                "case",
                caseId,
                Map.of("state", row.state.name()),
                hasReason ? Map.of("state", target.name(), "reason", reason.strip()) : Map.of("state", target.name()));
        triage.notifyReportersOfCase(
                caseId,
                "Case " + row.reference + " is now in " + target.label().toLowerCase(),
                "The case your report is part of, " + row.reference + ", moved to: " + target.label()
                        + ". Your tracking link shows its progress.");
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    @Override
    @Transactional
    public CaseDetail recordFact(Actor actor, UUID caseId, CaseFact fact, @Nullable Instant at) {
        permissions.check(actor, Action.CASE_MANAGE);
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plus(Duration.ofMinutes(5))))
            throw InvalidInputException.of("at", "must not be in the future");
        lock(caseId);
        setFact(caseId, fact, when, true);
        events.publishEvent(new org.koban.server.cases.CaseFactRecorded(caseId, reference(caseId), fact, when));
        timeline(
                caseId,
                actor,
                "case.fact",
                true,
                fact.label() + " since " + when.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + ".");
        audit.record(
                actor, "case.fact-recorded", "case", caseId, null, Map.of("fact", fact.name(), "at", when.toString()));
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    /** Sets a fact's date; {@code overwrite} false keeps an earlier one (facts are "since when"). */
    private void setFact(UUID caseId, CaseFact fact, Instant at, boolean overwrite) {
        String column = column(fact);
        jdbc.sql("update psirt_case set " + column + " = "
                        + (overwrite ? ":at" : "coalesce(" + column + ", :at)")
                        + ", updated_at = :now where id = :id")
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", caseId)
                .update();
    }

    static String column(CaseFact fact) {
        return switch (fact) {
            case VENDOR_AWARE -> "vendor_aware_at";
            case FIX_READY -> "fix_ready_at";
            case FIX_DEPLOYED -> "fix_deployed_at";
            case PUBLIC_AWARE -> "public_aware_at";
            case EXPLOIT_PUBLIC -> "exploit_public_at";
            case ATTACKS_OBSERVED -> "attacks_observed_at";
        };
    }

    // --- vulnerabilities ------------------------------------------------------------------------------------

    /** A command checked whole: every problem at once, with scores computed by the scoring module. */
    private record CheckedVulnerability(
            String title,
            String description,
            @Nullable CweEntry cwe,
            @Nullable CvssScore cvss3,
            @Nullable CvssScore cvss4,
            @Nullable String cve) {}

    private CheckedVulnerability check(VulnerabilityCommand c, @Nullable UUID self) {
        Validation v = new Validation();
        String title = v.required("title", c.title(), MAX_TITLE);
        String description = v.optional("description", c.description(), MAX_TEXT);
        CweEntry cwe = null;
        if (c.cwe() != null && !c.cwe().isBlank()) {
            try {
                cwe = weaknesses.requireWeakness(c.cwe().strip());
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> v.reject("cwe", p.message()));
            }
        }
        CvssScore cvss3 = score(v, "cvss3Vector", c.cvss3Vector(), CvssVersion.V3_1);
        CvssScore cvss4 = score(v, "cvss4Vector", c.cvss4Vector(), CvssVersion.V4_0);
        String cve =
                c.cve() == null || c.cve().isBlank() ? null : c.cve().strip().toUpperCase(java.util.Locale.ROOT);
        if (cve != null && !CVE.matcher(cve).matches()) {
            v.reject("cve", "must look like CVE-2026-12345");
        } else if (cve != null) {
            boolean taken = jdbc.sql("select count(*) from vulnerability where cve = :cve and id <> :self")
                            .param("cve", cve)
                            .param("self", self == null ? new UUID(0, 0) : self)
                            .query(Long.class)
                            .single()
                    > 0;
            if (taken) v.reject("cve", cve + " is already on another vulnerability");
        }
        v.throwIfInvalid();
        return new CheckedVulnerability(
                title.strip(), description == null ? "" : description.strip(), cwe, cvss3, cvss4, cve);
    }

    private @Nullable CvssScore score(Validation v, String field, @Nullable String vector, CvssVersion expected) {
        if (vector == null || vector.isBlank()) return null;
        try {
            CvssScore score = cvss.score(vector.strip());
            if (score.version() != expected) {
                v.reject(field, "must be a CVSS " + (expected == CvssVersion.V3_1 ? "3.1" : "4.0") + " vector");
                return null;
            }
            return score;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> v.reject(field, p.message()));
            return null;
        }
    }

    @Override
    @Transactional
    public VulnerabilityView addVulnerability(Actor actor, UUID caseId, VulnerabilityCommand command) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseRow row = lock(caseId);
        CheckedVulnerability c = check(command, null);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into vulnerability (id, case_id, title, description, cwe_id, cwe_name, cvss3_vector,
                            cvss3_score, cvss3_severity, cvss4_vector, cvss4_score, cvss4_severity, cve, created_at,
                            updated_at)
                        values (:id, :caseId, :title, :description, :cweId, :cweName, :v3, :s3, :sev3, :v4, :s4, :sev4,
                            :cve, :now, :now)
                        """)
                .param("id", id)
                .param("caseId", caseId)
                .params(vulnerabilityParams(c))
                .param("now", Timestamp.from(now))
                .update();
        afterVulnerabilityChange(actor, row, "Vulnerability added: " + c.title + scoreText(c));
        audit.record(actor, "vulnerability.added", "vulnerability", id, null, auditView(c));
        return vulnerabilityById(caseId, id);
    }

    @Override
    @Transactional
    public VulnerabilityView updateVulnerability(
            Actor actor, UUID caseId, UUID vulnerabilityId, VulnerabilityCommand command) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseRow row = lock(caseId);
        VulnerabilityView before = vulnerabilityById(caseId, vulnerabilityId);
        CheckedVulnerability c = check(command, vulnerabilityId);
        // An id reserved through CVE Services changes only through the CVE page, so the two never disagree.
        var managed = managedCves.stream()
                .flatMap(m -> m.of(vulnerabilityId).stream())
                .findFirst();
        if (managed.isPresent() && !managed.get().equals(c.cve)) {
            throw InvalidInputException.of(
                    "cve",
                    managed.get() + " was reserved for this vulnerability through CVE Services; it changes only on the"
                            + " case's CVE page");
        }
        jdbc.sql("""
                        update vulnerability set title = :title, description = :description, cwe_id = :cweId,
                            cwe_name = :cweName, cvss3_vector = :v3, cvss3_score = :s3, cvss3_severity = :sev3,
                            cvss4_vector = :v4, cvss4_score = :s4, cvss4_severity = :sev4, cve = :cve, updated_at = :now
                        where id = :id and case_id = :caseId
                        """)
                .params(vulnerabilityParams(c))
                .param("id", vulnerabilityId)
                .param("caseId", caseId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        afterVulnerabilityChange(actor, row, "Vulnerability edited: " + c.title + scoreText(c));
        audit.record(
                actor,
                "vulnerability.updated",
                "vulnerability",
                vulnerabilityId,
                Map.of(
                        "title",
                        before.title(),
                        "cvss3",
                        String.valueOf(before.cvss3Vector()),
                        "cwe",
                        String.valueOf(before.cweId())),
                auditView(c));
        return vulnerabilityById(caseId, vulnerabilityId);
    }

    private static Map<String, @Nullable Object> vulnerabilityParams(CheckedVulnerability c) {
        Map<String, @Nullable Object> p = new java.util.HashMap<>();
        p.put("title", c.title);
        p.put("description", c.description);
        p.put("cweId", c.cwe == null ? null : c.cwe.id());
        p.put("cweName", c.cwe == null ? null : c.cwe.name());
        p.put("v3", c.cvss3 == null ? null : c.cvss3.vector());
        p.put("s3", c.cvss3 == null ? null : c.cvss3.baseScore());
        p.put("sev3", c.cvss3 == null ? null : c.cvss3.severity().name());
        p.put("v4", c.cvss4 == null ? null : c.cvss4.vector());
        p.put("s4", c.cvss4 == null ? null : c.cvss4.baseScore());
        p.put("sev4", c.cvss4 == null ? null : c.cvss4.severity().name());
        p.put("cve", c.cve);
        return p;
    }

    private static Map<String, Object> auditView(CheckedVulnerability c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title);
        if (c.cwe != null) m.put("cwe", c.cwe.id());
        if (c.cvss3 != null) m.put("cvss3", c.cvss3.vector());
        if (c.cvss4 != null) m.put("cvss4", c.cvss4.vector());
        if (c.cve != null) m.put("cve", c.cve);
        return m;
    }

    private static String scoreText(CheckedVulnerability c) {
        StringBuilder s = new StringBuilder();
        if (c.cvss3 != null)
            s.append(" · CVSS 3.1 ")
                    .append(c.cvss3.baseScore())
                    .append(' ')
                    .append(c.cvss3.severity().label());
        if (c.cvss4 != null)
            s.append(" · CVSS 4.0 ")
                    .append(c.cvss4.baseScore())
                    .append(' ')
                    .append(c.cvss4.severity().label());
        if (c.cwe != null) s.append(" · ").append(c.cwe.id());
        return s.toString();
    }

    /** The case's severity follows its worst vulnerability, and open tasks' due dates follow the severity. */
    private void afterVulnerabilityChange(Actor actor, CaseRow row, String text) {
        Severity severity = jdbc
                .sql("select cvss3_severity, cvss4_severity from vulnerability where case_id = :id")
                .param("id", row.id)
                .query((rs, n) -> max(severity(rs.getString(1)), severity(rs.getString(2))))
                .list()
                .stream()
                .reduce(null, JdbcCases::max);
        jdbc.sql("update psirt_case set severity = :severity, updated_at = :now where id = :id")
                .param("severity", severity == null ? null : severity.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", row.id)
                .update();
        if (severity != row.severity) {
            LocalDate due = dueDate(row.vendorAwareAt, severity);
            int changed = jdbc.sql("""
                            update remediation_task set due_on = :due, updated_at = :now
                            where case_id = :id and state in ('OPEN', 'IN_PROGRESS', 'FIX_READY') and due_on <> :due
                            """)
                    .param("due", due)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", row.id)
                    .update();
            if (changed > 0) text += " · open tasks now due " + due;
        }
        timeline(row.id, actor, "vulnerability", true, text + ".");
    }

    private LocalDate dueDate(Instant vendorAware, @Nullable Severity severity) {
        SlaPolicy policy = sla.current();
        return vendorAware.atZone(ZoneOffset.UTC).toLocalDate().plusDays(policy.fixDays(severity));
    }

    private static @Nullable Severity max(@Nullable Severity a, @Nullable Severity b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }

    private VulnerabilityView vulnerabilityById(UUID caseId, UUID vulnerabilityId) {
        return vulnerabilities(caseId, new Access(true, Set.of())).stream()
                .filter(v -> v.id().equals(vulnerabilityId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Vulnerability", vulnerabilityId));
    }

    // --- statuses and tasks -----------------------------------------------------------------------------

    @Override
    @Transactional
    public CaseDetail decideStatus(Actor actor, UUID caseId, StatusDecision d) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseRow row = lock(caseId);
        Validation v = new Validation();
        if (d.vulnerabilityId() == null) v.reject("vulnerabilityId", "is required");
        if (d.status() == null) v.reject("status", "is required");
        List<UUID> versionIds = d.versionIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.versionIds()));
        if (versionIds.isEmpty()) v.reject("versionIds", "pick at least one product version");
        if (versionIds.size() > MAX_VERSIONS_PER_DECISION) {
            v.reject("versionIds", "at most " + MAX_VERSIONS_PER_DECISION + " versions per decision");
        }
        if (d.status() == VersionStatus.KNOWN_NOT_AFFECTED && d.justification() == null) {
            v.reject("justification", "say why these versions are not affected");
        }
        if (d.status() != null && d.status() != VersionStatus.KNOWN_NOT_AFFECTED && d.justification() != null) {
            v.reject("justification", "only a not-affected decision takes a justification");
        }
        v.optional("statement", d.statement(), MAX_STATEMENT);
        v.throwIfInvalid();
        vulnerabilityById(caseId, d.vulnerabilityId());
        List<ProductVersionView> versions = new ArrayList<>();
        for (int i = 0; i < versionIds.size(); i++) {
            try {
                versions.add(catalog.version(actor, versionIds.get(i)));
            } catch (NotFoundException e) {
                v.reject("versionIds[" + i + "]", "is not a product version in the catalogue");
            }
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        String statement = d.statement() == null || d.statement().isBlank()
                ? null
                : d.statement().strip();
        Set<UUID> affectedLines = new LinkedHashSet<>();
        for (ProductVersionView version : versions) {
            jdbc.sql("""
                            insert into vulnerability_status (vulnerability_id, product_version_id, product_name, version,
                                line_id, status, justification, statement, updated_at)
                            values (:vid, :pv, :product, :version, :line, :status, :justification, :statement, :now)
                            on conflict (vulnerability_id, product_version_id) do update set status = excluded.status,
                                justification = excluded.justification, statement = excluded.statement,
                                line_id = excluded.line_id, updated_at = excluded.updated_at
                            """)
                    .param("vid", d.vulnerabilityId())
                    .param("pv", version.id())
                    .param("product", version.productName())
                    .param("version", version.version())
                    .param("line", version.lineId())
                    .param("status", d.status().name())
                    .param(
                            "justification",
                            d.justification() == null ? null : d.justification().name())
                    .param("statement", statement)
                    .param("now", Timestamp.from(now))
                    .update();
            if (d.status() == VersionStatus.KNOWN_AFFECTED || d.status() == VersionStatus.FIXED) {
                affectedLines.add(version.lineId());
            }
        }
        // One entry per line: each line's people see the decision about their own products only.
        Map<UUID, List<ProductVersionView>> byLine = new LinkedHashMap<>();
        for (ProductVersionView version : versions) {
            byLine.computeIfAbsent(version.lineId(), k -> new ArrayList<>()).add(version);
        }
        for (Map.Entry<UUID, List<ProductVersionView>> line : byLine.entrySet()) {
            List<ProductVersionView> ofLine = line.getValue();
            String names = ofLine.stream()
                    .map(x -> x.productName() + " " + x.version())
                    .limit(10)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            if (ofLine.size() > 10) names += " and " + (ofLine.size() - 10) + " more";
            timeline(
                    caseId,
                    actor,
                    "status",
                    true,
                    line.getKey(),
                    d.status().label() + ": " + names
                            + (d.justification() == null
                                    ? ""
                                    : " (" + d.justification().label() + ")")
                            + (statement == null ? "" : " — " + statement));
        }
        audit.record(
                actor,
                "vulnerability.status-decided",
                "vulnerability",
                d.vulnerabilityId(),
                null,
                Map.of("status", d.status().name(), "versions", versionIds.size()));
        for (UUID lineId : affectedLines) assignLine(actor, row, lineId);
        touch(caseId);
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    /** One task per line and case: the line that owns an affected version gets it, due by the SLA policy. */
    private void assignLine(Actor actor, CaseRow row, UUID lineId) {
        ProductionLineView line = organisation.linesById(Set.of(lineId)).get(lineId);
        if (line == null) return;
        LocalDate due = dueDate(row.vendorAwareAt, row.severity);
        UUID taskId = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into remediation_task (id, case_id, line_id, line_name, state, due_on, created_at, updated_at)
                        values (:id, :caseId, :lineId, :lineName, :state, :due, :now, :now)
                        on conflict (case_id, line_id) do nothing
                        """)
                .param("id", taskId)
                .param("caseId", row.id)
                .param("lineId", lineId)
                .param("lineName", line.label())
                .param("state", TaskState.OPEN.name())
                .param("due", due)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) return;
        timeline(row.id, actor, "task.assigned", true, lineId, "Assigned to " + line.label() + ", due " + due + ".");
        audit.record(
                actor,
                "task.assigned",
                "remediation-task",
                taskId,
                null,
                Map.of("line", line.code(), "due", due.toString()));
        events.publishEvent(
                new RemediationTaskAssigned(row.id, row.reference, row.title, taskId, lineId, line.label(), due));
    }

    @Override
    @Transactional
    public TaskView moveTask(
            Actor actor,
            UUID caseId,
            UUID taskId,
            TaskState target,
            @Nullable String fixedVersions,
            @Nullable String reason) {
        checkView(actor, caseId);
        TaskView task = lockTask(caseId, taskId);
        if (!permissions.can(actor, Action.CASE_WORK, task.lineId())) {
            if (!permissions.can(actor, Action.CASE_VIEW, task.lineId())) throw new NotFoundException("Task", taskId);
            throw new AccessDeniedException(actor.name() + " may not work on this task");
        }
        Validation v = new Validation();
        v.optional("fixedVersions", fixedVersions, MAX_FIXED_VERSIONS);
        v.optional("reason", reason, MAX_TEXT);
        if (!task.state().canMoveTo(target)) {
            v.reject(
                    "state",
                    "A task that is " + task.state().label().toLowerCase() + " cannot become "
                            + target.label().toLowerCase());
        }
        boolean hasFixed = fixedVersions != null && !fixedVersions.isBlank();
        boolean hasReason = reason != null && !reason.isBlank();
        if ((target == TaskState.FIX_READY || target == TaskState.RELEASED)
                && !hasFixed
                && task.fixedVersions() == null) {
            v.reject("fixedVersions", "name the fixed versions, e.g. 2.4.1");
        }
        if (target == TaskState.WONT_FIX && !hasReason) v.reject("reason", "say why this line will not fix it");
        v.throwIfInvalid();
        Instant now = clock.instant();
        jdbc.sql("""
                        update remediation_task set state = :state, updated_at = :now,
                            fixed_versions = coalesce(:fixed, fixed_versions), reason = coalesce(:reason, reason),
                            released_at = case when :state = 'RELEASED' then :now else released_at end,
                            owner_id = coalesce(owner_id, :ownerId), owner_name = coalesce(owner_name, :ownerName)
                        where id = :id
                        """)
                .param("state", target.name())
                .param("now", Timestamp.from(now))
                .param("fixed", hasFixed ? fixedVersions.strip() : null)
                .param("reason", hasReason ? reason.strip() : null)
                .param("ownerId", actor.kind() == Actor.Kind.SYSTEM ? null : actor.id())
                .param("ownerName", actor.kind() == Actor.Kind.SYSTEM ? null : actor.name())
                .param("id", taskId)
                .update();
        timeline(
                caseId,
                actor,
                "task.moved",
                true,
                task.lineId(),
                task.lineName() + ": " + task.state().label() + " → " + target.label()
                        + (hasFixed ? " (fixed in " + fixedVersions.strip() + ")" : "")
                        + (hasReason ? ": " + reason.strip() : "") + ".");
        audit.record(
                actor,
                "task.moved",
                "remediation-task",
                taskId,
                Map.of("state", task.state().name()),
                hasFixed
                        ? Map.of("state", target.name(), "fixedVersions", fixedVersions.strip())
                        : Map.of("state", target.name()));
        updateFixFacts(caseId, now);
        touch(caseId);
        return lockTask(caseId, taskId);
    }

    /** Fix ready once every line has a fix (or won't fix); fix deployed once every fix is released. */
    private void updateFixFacts(UUID caseId, Instant now) {
        List<TaskView> tasks = tasks(caseId);
        boolean anyFix =
                tasks.stream().anyMatch(t -> t.state() == TaskState.FIX_READY || t.state() == TaskState.RELEASED);
        boolean allReady =
                tasks.stream().noneMatch(t -> t.state() == TaskState.OPEN || t.state() == TaskState.IN_PROGRESS);
        boolean allReleased =
                tasks.stream().noneMatch(TaskView -> TaskView.state().isOpen());
        if (anyFix && allReady) setFact(caseId, CaseFact.FIX_READY, now, false);
        boolean anyReleased = tasks.stream().anyMatch(t -> t.state() == TaskState.RELEASED);
        if (anyReleased && allReleased) {
            setFact(caseId, CaseFact.FIX_DEPLOYED, now, false);
            triage.notifyReportersOfCase(
                    caseId, "A fix was released", "Fixes for the vulnerability you reported have been released.");
        }
    }

    @Override
    @Transactional
    public TaskView takeTask(Actor actor, UUID caseId, UUID taskId) {
        checkView(actor, caseId);
        TaskView task = lockTask(caseId, taskId);
        if (!permissions.can(actor, Action.CASE_WORK, task.lineId())) throw new NotFoundException("Task", taskId);
        // Taking over a colleague's task is the PSIRT's call, not a click that silently replaces the owner.
        if (task.ownerId() != null
                && !task.ownerId().equals(actor.id())
                && !permissions.can(actor, Action.CASE_MANAGE)) {
            throw InvalidInputException.of(
                    "owner", "The task belongs to " + task.ownerName() + "; ask them or the PSIRT to hand it over");
        }
        jdbc.sql("update remediation_task set owner_id = :owner, owner_name = :name, updated_at = :now where id = :id")
                .param("owner", actor.id())
                .param("name", actor.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", taskId)
                .update();
        timeline(
                caseId,
                actor,
                "task.owner",
                true,
                task.lineId(),
                actor.name() + " owns the task of " + task.lineName() + ".");
        audit.record(actor, "task.taken", "remediation-task", taskId, null, Map.of("owner", actor.name()));
        return lockTask(caseId, taskId);
    }

    private TaskView lockTask(UUID caseId, UUID taskId) {
        return jdbc.sql("select * from remediation_task where id = :id and case_id = :caseId for update")
                .param("id", taskId)
                .param("caseId", caseId)
                .query(JdbcCases::task)
                .optional()
                .orElseThrow(() -> new NotFoundException("Task", taskId));
    }

    // --- timeline, messages, files --------------------------------------------------------------------------

    @Override
    @Transactional
    public CaseDetail addNote(Actor actor, UUID caseId, String text) {
        checkView(actor, caseId);
        if (!permissions.canOnAnyLine(actor, Action.CASE_WORK, caseLines(caseId))) {
            throw new AccessDeniedException(actor.name() + " may not write on this case");
        }
        Validation v = new Validation();
        v.required("note", text, MAX_TEXT);
        v.throwIfInvalid();
        lock(caseId);
        timeline(caseId, actor, "note", true, text.strip());
        audit.record(actor, "case.note-added", "case", caseId, null, Map.of("length", text.length()));
        touch(caseId);
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    @Override
    @Transactional
    public CaseDetail messageReporters(Actor actor, UUID caseId, String text) {
        permissions.check(actor, Action.CASE_MANAGE);
        lock(caseId);
        triage.messageReportersOfCase(actor, caseId, text == null ? "" : text);
        timeline(caseId, actor, "message.reporter", false, text.strip());
        touch(caseId);
        return get(actor, caseId, PageQuery.of(null, 0, 50));
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent openAttachment(Actor actor, UUID caseId, UUID attachmentId) {
        checkView(actor, caseId);
        if (!permissions.canOnAnyLine(actor, Action.ATTACHMENT_DOWNLOAD, caseLines(caseId))) {
            throw new AccessDeniedException(actor.name() + " may not download proof-of-concept files");
        }
        return triage.openCaseAttachment(caseId, attachmentId);
    }

    // --- dashboard --------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public CaseDashboard dashboard(Actor actor) {
        permissions.check(actor, Action.DASHBOARD_VIEW);
        if (!permissions.can(actor, Action.CASE_VIEW)) {
            return new CaseDashboard(List.of(), List.of(), Map.of(), Map.of(), Map.of(), null, null, null);
        }
        LineScope scope = permissions.scopeFor(actor, Action.CASE_VIEW);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        String visibleCase =
                "(:scopeAll or exists (select 1 from remediation_task s where s.case_id = c.id and s.line_id = any(:scopeLines)))";
        String visibleTask = LineScope.sqlPredicate("t.line_id");
        List<TaskView> mine = jdbc.sql("""
                        select t.* from remediation_task t
                        where t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY')
                          and (t.owner_id = :me or (t.owner_id is null and t.line_id = any(:myLines)))
                        order by t.due_on limit 20
                        """)
                .param("me", actor.id())
                .param("myLines", actor.lineIds().toArray(UUID[]::new))
                .query(JdbcCases::task)
                .list();
        List<TaskView> overdue = jdbc.sql(
                        "select t.* from remediation_task t where t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY')"
                                + " and t.due_on < :today and " + visibleTask + " order by t.due_on limit 20")
                .param("today", today)
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query(JdbcCases::task)
                .list();
        // State and severity in one pass: for line people, "cases my lines work on" is then worked out once.
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> sev = new LinkedHashMap<>();
        jdbc.sql("select c.state, coalesce(c.severity, 'UNSCORED'), count(*) from psirt_case c"
                        + " where c.state not in ('CLOSED', 'REJECTED') and " + visibleCase + " group by 1, 2")
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query((rs, n) -> {
                    counts.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    sev.merge(rs.getString(2), rs.getLong(3), Long::sum);
                    return null;
                })
                .list();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (CaseState s : CaseState.values())
            if (counts.containsKey(s.name())) byState.put(s.label(), counts.get(s.name()));
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            if (sev.containsKey(s.name())) bySeverity.put(s.label(), sev.get(s.name()));
        }
        if (sev.containsKey("UNSCORED")) bySeverity.put("Not scored", sev.get("UNSCORED"));
        // One task per case and line, so open tasks per line are the cases each line still has work on; read
        // from the open-task index alone (counting cases through the case table was twice as slow at scale).
        Map<String, Long> byLine = counts(
                "select t.line_name, count(*) from remediation_task t"
                        + " where t.state in ('OPEN', 'IN_PROGRESS', 'FIX_READY') and " + visibleTask
                        + " group by 1 order by 2 desc, 1 limit 12",
                scope);
        Duration medianToFix = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from (c.fix_deployed_at - c.vendor_aware_at)))
                        from psirt_case c where c.fix_deployed_at is not null and c.fix_deployed_at >= :since and
                        """ + visibleCase)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(365))))
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query((rs, n) -> {
                    double value = rs.getDouble(1);
                    return rs.wasNull() ? null : Duration.ofSeconds(Math.round(value));
                })
                .optional()
                .orElse(null);
        ReportTimings timings =
                permissions.can(actor, Action.REPORT_TRIAGE) ? triage.timings(actor) : new ReportTimings(null, null);
        return new CaseDashboard(
                mine,
                overdue,
                byState,
                bySeverity,
                byLine,
                timings.medianToAcknowledge(),
                timings.medianToTriage(),
                medianToFix);
    }

    private Map<String, Long> counts(String sql, LineScope scope) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("scopeAll", scope.allParameter())
                .param("scopeLines", scope.linesParameter())
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }

    // --- rows ---------------------------------------------------------------------------------------------

    private record CaseRow(
            UUID id,
            String reference,
            String title,
            CaseState state,
            @Nullable Severity severity,
            Instant vendorAwareAt) {}

    private CaseRow lock(UUID caseId) {
        return jdbc.sql(
                        "select id, reference, title, state, severity, vendor_aware_at, opened_at from psirt_case where id = :id for update")
                .param("id", caseId)
                .query((rs, n) -> new CaseRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("title"),
                        CaseState.valueOf(rs.getString("state")),
                        severity(rs.getString("severity")),
                        rs.getTimestamp("vendor_aware_at") == null
                                ? instant(rs, "opened_at")
                                : instant(rs, "vendor_aware_at")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Case", caseId));
    }

    private void touch(UUID caseId) {
        jdbc.sql("update psirt_case set updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", caseId)
                .update();
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void record(@Nullable Actor actor, UUID caseId, String kind, boolean internal, String text) {
        timeline(caseId, actor, kind, internal, text);
        touch(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public String reference(UUID caseId) {
        return jdbc.sql("select reference from psirt_case where id = :id")
                .param("id", caseId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Case", caseId));
    }

    void timeline(UUID caseId, @Nullable Actor actor, String kind, boolean internal, String text) {
        timeline(caseId, actor, kind, internal, null, text);
    }

    /** An entry about one line's part of the case ({@code lineId}), or about the whole case (null). */
    void timeline(
            UUID caseId, @Nullable Actor actor, String kind, boolean internal, @Nullable UUID lineId, String text) {
        jdbc.sql("""
                        insert into timeline_entry (case_id, at, actor_id, actor_name, kind, internal, line_id, text)
                        values (:caseId, :at, :actorId, :actorName, :kind, :internal, :lineId, :text)
                        """)
                .param("caseId", caseId)
                .param("lineId", lineId)
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", actor == null ? null : actor.id())
                .param("actorName", actor == null ? "Koban" : actor.name())
                .param("kind", kind)
                .param("internal", internal)
                .param("text", text)
                .update();
    }

    static @Nullable Severity severity(@Nullable String value) {
        return value == null ? null : Severity.valueOf(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
