package org.koban.server.advisories.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.csaf.CsafValidator;
import org.koban.csaf.Finding;
import org.koban.csaf.ValidationResult;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryCommand;
import org.koban.server.advisories.AdvisoryPreview;
import org.koban.server.advisories.AdvisoryPublished;
import org.koban.server.advisories.AdvisoryState;
import org.koban.server.advisories.AdvisoryView;
import org.koban.server.advisories.PublishedAdvisory;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.coordination.EmbargoView;
import org.koban.server.coordination.Embargoes;
import org.koban.server.coordination.Recognitions;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAdvisories implements Advisories {

    private static final int TITLE = 500;
    private static final int TEXT = 20_000;
    private static final int MAX_REFERENCES = 50;

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Recognitions recognitions;
    private final CsafRendering rendering;
    private final AdvisoryProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Embargoes embargoes;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    JdbcAdvisories(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Recognitions recognitions,
            CsafRendering rendering,
            AdvisoryProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            Embargoes embargoes,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.events = events;
        this.embargoes = embargoes;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.recognitions = recognitions;
        this.rendering = rendering;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AdvisoryView> list(Actor actor) {
        checkReader(actor);
        return jdbc.sql(SELECT + " order by a.updated_at desc limit 500")
                .query(this::view)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public AdvisoryView get(Actor actor, UUID advisoryId) {
        checkReader(actor);
        return load(advisoryId);
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable AdvisoryView ofCase(Actor actor, UUID caseId) {
        if (!canRead(actor)) return null;
        return jdbc.sql(SELECT + " where a.case_id = :caseId")
                .param("caseId", caseId)
                .query(this::view)
                .optional()
                .orElse(null);
    }

    @Override
    @Transactional
    public AdvisoryView createFromCase(Actor actor, UUID caseId) {
        permissions.check(actor, Action.ADVISORY_EDIT);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        AdvisoryView existing = ofCase(actor, caseId);
        if (existing != null) {
            throw InvalidInputException.of("caseId", "the case already has advisory " + existing.trackingId());
        }
        Instant now = clock.instant();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int number = jdbc.sql("""
                        insert into advisory_tracking_counter (year, last_value) values (:year, 1)
                        on conflict (year) do update set last_value = advisory_tracking_counter.last_value + 1
                        returning last_value
                        """).param("year", year).query(Integer.class).single();
        String trackingId = properties.prefix() + "-" + year + "-" + String.format("%04d", number);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into advisory (id, case_id, tracking_id, state, title, summary, editor_ids, editor_names,
                            revision_summary, created_at, updated_at)
                        values (:id, :caseId, :trackingId, 'DRAFT', :title, :summary, :editors, :names, 'Initial version',
                            :now, :now)
                        """)
                .param("id", id)
                .param("caseId", caseId)
                .param("trackingId", trackingId)
                .param("title", c.title())
                .param("summary", c.summary().isBlank() ? c.title() : c.summary())
                .param("editors", new UUID[] {actor.id()})
                .param("names", new String[] {actor.name()})
                .param("now", Timestamp.from(now))
                .update();
        AdvisoryView created = load(id);
        timeline.record(actor, caseId, "advisory.created", true, "Advisory " + trackingId + " drafted.");
        audit.record(actor, "advisory.created", "advisory", id, null, auditView(created));
        return created;
    }

    @Override
    @Transactional
    public AdvisoryView update(Actor actor, UUID advisoryId, AdvisoryCommand command) {
        permissions.check(actor, Action.ADVISORY_EDIT);
        AdvisoryView before = lock(advisoryId);
        if (!before.state().editable()) {
            throw InvalidInputException.of(
                    "state",
                    "only a draft can be changed; this advisory is "
                            + before.state().label().toLowerCase());
        }
        Validation v = new Validation();
        String title = v.required("title", command.title(), TITLE);
        String summary = v.required("summary", command.summary(), TEXT);
        String impact = v.optionalText("impact", command.impact(), TEXT);
        String fix = v.optionalText("fix", command.fix(), TEXT);
        String fixUrl = v.webUrl("fixUrl", command.fixUrl());
        String workaround = v.optionalText("workaround", command.workaround(), TEXT);
        String mitigation = v.optionalText("mitigation", command.mitigation(), TEXT);
        List<String> references = new ArrayList<>();
        List<String> given = command.references() == null ? List.of() : command.references();
        if (given.stream().filter(r -> r != null && !r.isBlank()).count() > MAX_REFERENCES) {
            v.reject("references", "at most " + MAX_REFERENCES);
        }
        for (int i = 0; i < given.size(); i++) {
            String url = v.webUrl("references[" + i + "]", given.get(i));
            if (url != null) references.add(url);
        }
        if (fixUrl != null && fix == null) v.reject("fix", "say what the fix is, not only where to get it");
        v.throwIfInvalid();
        List<UUID> editors = new ArrayList<>(before.editors().isEmpty() ? List.of() : editorIds(advisoryId));
        List<String> names = new ArrayList<>(before.editors());
        if (!editors.contains(actor.id())) {
            editors.add(actor.id());
            names.add(actor.name());
        }
        jdbc.sql("""
                        update advisory set title = :title, summary = :summary, impact = :impact, fix = :fix,
                            fix_url = :fixUrl, workaround = :workaround, mitigation = :mitigation, "references" = :refs,
                            editor_ids = :editors, editor_names = :names, updated_at = :now
                        where id = :id
                        """)
                .param("title", title.strip())
                .param("summary", summary.strip())
                .param("impact", impact)
                .param("fix", fix)
                .param("fixUrl", fixUrl)
                .param("workaround", workaround)
                .param("mitigation", mitigation)
                .param("refs", references.toArray(String[]::new))
                .param("editors", editors.toArray(UUID[]::new))
                .param("names", names.toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", advisoryId)
                .update();
        AdvisoryView after = load(advisoryId);
        audit.record(actor, "advisory.updated", "advisory", advisoryId, auditView(before), auditView(after));
        return after;
    }

    @Override
    @Transactional(readOnly = true)
    public AdvisoryPreview preview(Actor actor, UUID advisoryId) {
        checkReader(actor);
        AdvisoryView advisory = load(advisoryId);
        if (advisory.state() == AdvisoryState.PUBLISHED) {
            return check(publishedCsaf(actor, advisoryId, advisory.version()));
        }
        return check(render(advisory, clock.instant()));
    }

    @Override
    @Transactional
    public AdvisoryView submit(Actor actor, UUID advisoryId) {
        permissions.check(actor, Action.ADVISORY_EDIT);
        return move(actor, advisoryId, AdvisoryState.IN_REVIEW, "advisory.submitted", "sent to review", null);
    }

    @Override
    @Transactional
    public AdvisoryView requestChanges(Actor actor, UUID advisoryId, @Nullable String reason) {
        permissions.check(actor, Action.ADVISORY_APPROVE);
        Validation v = new Validation();
        String why = v.required("reason", reason, 4_000);
        v.throwIfInvalid();
        jdbc.sql("update advisory set changes_requested = :why where id = :id")
                .param("why", why.strip())
                .param("id", advisoryId)
                .update();
        return move(
                actor,
                advisoryId,
                AdvisoryState.DRAFT,
                "advisory.changes-requested",
                "sent back: " + why.strip(),
                null);
    }

    @Override
    @Transactional
    public AdvisoryView approve(Actor actor, UUID advisoryId) {
        permissions.check(actor, Action.ADVISORY_APPROVE);
        AdvisoryView advisory = lock(advisoryId);
        if (advisory.state() != AdvisoryState.IN_REVIEW) {
            throw InvalidInputException.of("state", "only an advisory in review can be approved");
        }
        if (properties.fourEyesRule() && editorIds(advisoryId).contains(actor.id())) {
            throw InvalidInputException.of(
                    "approver", "you edited this revision: another person must approve it (four-eyes rule)");
        }
        String csaf = render(advisory, clock.instant());
        AdvisoryPreview preview = check(csaf);
        if (!preview.valid()) {
            List<InvalidInputException.Problem> problems = preview.errors().stream()
                    .map(p -> new InvalidInputException.Problem("csaf" + p.path(), p.test() + ": " + p.message()))
                    .toList();
            throw new InvalidInputException(problems);
        }
        jdbc.sql(
                        "update advisory set approved_csaf = :csaf, approved_by = :by, approved_by_name = :name where id = :id")
                .param("csaf", csaf)
                .param("by", actor.id())
                .param("name", actor.name())
                .param("id", advisoryId)
                .update();
        return move(actor, advisoryId, AdvisoryState.APPROVED, "advisory.approved", "approved", null);
    }

    @Override
    @Transactional
    public AdvisoryView withdraw(Actor actor, UUID advisoryId) {
        if (!permissions.can(actor, Action.ADVISORY_EDIT)) permissions.check(actor, Action.ADVISORY_APPROVE);
        jdbc.sql("update advisory set approved_csaf = null, approved_by = null, approved_by_name = null,"
                        + " publish_at = null, publish_at_embargo_end = false where id = :id and state = 'APPROVED'")
                .param("id", advisoryId)
                .update();
        return move(
                actor, advisoryId, AdvisoryState.DRAFT, "advisory.withdrawn", "approval withdrawn to change it", null);
    }

    @Override
    @Transactional
    public AdvisoryView publish(Actor actor, UUID advisoryId) {
        permissions.check(actor, Action.ADVISORY_APPROVE);
        AdvisoryView advisory = lock(advisoryId);
        if (advisory.state() != AdvisoryState.APPROVED) {
            throw InvalidInputException.of("state", "only an approved advisory can be published");
        }
        String approved = jdbc.sql("select approved_csaf from advisory where id = :id")
                .param("id", advisoryId)
                .query(String.class)
                .single();
        Instant now = clock.instant();
        int number = advisory.version() + 1;
        String csaf = rendering.datedAt(approved, now, advisory.initialReleaseDate() == null);
        // The document was checked at approval; only its dates changed, and it is checked again before it goes out.
        AdvisoryPreview checked = check(csaf);
        if (!checked.valid()) {
            throw new IllegalStateException("The approved document no longer validates: " + checked.errors());
        }
        String summary = advisory.revisionSummary() == null ? "Initial version" : advisory.revisionSummary();
        jdbc.sql(
                        "insert into advisory_revision (advisory_id, number, date, summary, csaf) values (:id, :n, :date, :summary, :csaf)")
                .param("id", advisoryId)
                .param("n", number)
                .param("date", Timestamp.from(now))
                .param("summary", summary)
                .param("csaf", csaf)
                .update();
        jdbc.sql("""
                        update advisory set version = :n, initial_release_date = coalesce(initial_release_date, :now),
                            current_release_date = :now, editor_ids = '{}', editor_names = '{}', approved_csaf = null,
                            publish_at = null, publish_at_embargo_end = false,
                            changes_requested = null, revision_summary = null
                        where id = :id
                        """)
                .param("n", number)
                .param("now", Timestamp.from(now))
                .param("id", advisoryId)
                .update();
        AdvisoryView after = move(
                actor,
                advisoryId,
                AdvisoryState.PUBLISHED,
                "advisory.published",
                "published as version " + number,
                null);
        events.publishEvent(new AdvisoryPublished(advisoryId, advisory.caseId(), advisory.trackingId(), number));
        return after;
    }

    @Override
    @Transactional
    public AdvisoryView schedule(Actor actor, UUID advisoryId, @Nullable Instant at, boolean atEmbargoEnd) {
        permissions.check(actor, Action.ADVISORY_APPROVE);
        AdvisoryView advisory = lock(advisoryId);
        if (advisory.state() != AdvisoryState.APPROVED) {
            throw InvalidInputException.of("state", "only an approved advisory can be scheduled");
        }
        Validation v = new Validation();
        if (at != null && !at.isAfter(clock.instant())) v.reject("at", "must be in the future");
        EmbargoView embargo = embargoes.get(Actor.system(), advisory.caseId());
        if (atEmbargoEnd && !embargo.state().binds()) {
            v.reject("atEmbargoEnd", "the case has no embargo in force");
        }
        v.throwIfInvalid();
        jdbc.sql(
                        "update advisory set publish_at = :at, publish_at_embargo_end = :embargo, updated_at = :now where id = :id")
                .param("at", at == null ? null : Timestamp.from(at))
                .param("embargo", atEmbargoEnd)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", advisoryId)
                .update();
        AdvisoryView after = load(advisoryId);
        String when = at == null && !atEmbargoEnd
                ? "will be published by hand"
                : "will be published " + (at == null ? "" : "at " + CsafRendering.iso(at))
                        + (at != null && atEmbargoEnd ? " or " : "")
                        + (atEmbargoEnd ? "when the embargo ends (now " + embargo.end() + ")" : "");
        timeline.record(
                actor,
                advisory.caseId(),
                "advisory.scheduled",
                true,
                "Advisory " + advisory.trackingId() + " " + when + ".");
        audit.record(actor, "advisory.scheduled", "advisory", advisoryId, auditView(advisory), auditView(after));
        return after;
    }

    @Override
    public int publishDue(Instant now) {
        // Candidates first, then each in its own transaction with its row locked (SKIP LOCKED): two nodes never
        // publish the same advisory, and one failure does not hold back the others.
        List<UUID> due = jdbc.sql("""
                        select a.id from advisory a left join case_embargo e on e.case_id = a.case_id
                        where a.state = 'APPROVED'
                          and (a.publish_at <= :now
                               or (a.publish_at_embargo_end
                                   and (e.state = 'ENDED' or (e.state in ('ACTIVE', 'REVISING') and e.end_at <= :now))))
                        order by a.publish_at nulls last
                        """)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list();
        int published = 0;
        for (UUID id : due) {
            Boolean done = transactions.execute(status -> {
                boolean mine = jdbc.sql(
                                "select id from advisory where id = :id and state = 'APPROVED' for update skip locked")
                        .param("id", id)
                        .query(UUID.class)
                        .optional()
                        .isPresent();
                if (!mine) return false;
                publish(Actor.system(), id);
                return true;
            });
            if (Boolean.TRUE.equals(done)) published++;
        }
        return published;
    }

    @Override
    @Transactional
    public AdvisoryView startRevision(Actor actor, UUID advisoryId, @Nullable String summary) {
        permissions.check(actor, Action.ADVISORY_EDIT);
        Validation v = new Validation();
        String what = v.required("revisionSummary", summary, 1_000);
        v.throwIfInvalid();
        jdbc.sql("update advisory set revision_summary = :s, editor_ids = :ids, editor_names = :names where id = :id"
                        + " and state = 'PUBLISHED'")
                .param("s", what.strip())
                .param("ids", new UUID[] {actor.id()})
                .param("names", new String[] {actor.name()})
                .param("id", advisoryId)
                .update();
        return move(
                actor,
                advisoryId,
                AdvisoryState.DRAFT,
                "advisory.revision-started",
                "new revision: " + what.strip(),
                null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PublishedAdvisory> published() {
        return jdbc.sql("""
                        select a.tracking_id, a.title, a.tlp, a.version, a.initial_release_date, r.date, r.csaf
                        from advisory a join advisory_revision r on r.advisory_id = a.id and r.number = a.version
                        where a.version > 0 order by a.initial_release_date, a.tracking_id
                        """)
                .query((rs, n) -> new PublishedAdvisory(
                        rs.getString("tracking_id"),
                        rs.getString("title"),
                        rs.getString("tlp"),
                        rs.getInt("version"),
                        rs.getTimestamp("initial_release_date").toInstant(),
                        rs.getTimestamp("date").toInstant(),
                        rs.getString("csaf")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public String publishedCsaf(Actor actor, UUID advisoryId, int revision) {
        checkReader(actor);
        return jdbc.sql("select csaf from advisory_revision where advisory_id = :id and number = :n")
                .param("id", advisoryId)
                .param("n", revision)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Advisory revision", revision));
    }

    // ----------------------------------------------------------------------------------------------------------

    private AdvisoryView move(
            Actor actor, UUID advisoryId, AdvisoryState target, String action, String text, @Nullable Object extra) {
        AdvisoryView before = lock(advisoryId);
        if (!before.state().canMoveTo(target)) {
            throw InvalidInputException.of(
                    "state",
                    "an advisory " + before.state().label().toLowerCase() + " cannot become "
                            + target.label().toLowerCase());
        }
        jdbc.sql("update advisory set state = :state, updated_at = :now where id = :id")
                .param("state", target.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", advisoryId)
                .update();
        AdvisoryView after = load(advisoryId);
        timeline.record(actor, before.caseId(), action, true, "Advisory " + before.trackingId() + " " + text + ".");
        audit.record(actor, action, "advisory", advisoryId, auditView(before), auditView(after));
        return after;
    }

    private String render(AdvisoryView advisory, Instant release) {
        CaseDetail c = cases.get(Actor.system(), advisory.caseId(), PageQuery.of(null, 0, 1));
        var input = new CsafRendering.Input(
                advisory.trackingId(),
                advisory.title(),
                advisory.summary(),
                advisory.impact(),
                advisory.fix(),
                advisory.fixUrl(),
                advisory.workaround(),
                advisory.mitigation(),
                advisory.references(),
                advisory.tlp(),
                advisory.revisions().stream()
                        .map(r -> new CsafRendering.Revision(r.number(), r.date(), r.summary()))
                        .toList(),
                advisory.initialReleaseDate());
        return rendering.render(
                input,
                c,
                recognitions.list(Actor.system(), advisory.caseId()),
                release,
                advisory.revisionSummary() == null ? "Initial version" : advisory.revisionSummary());
    }

    /** Strict schema, mandatory tests, and the optional and informative tests as advice. */
    static AdvisoryPreview check(String csaf) {
        ValidationResult result = CsafValidator.validate(csaf, CsafValidator.Options.STRICT);
        List<AdvisoryPreview.Problem> problems = new ArrayList<>();
        for (Finding f : result.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                default -> "info";
            };
            problems.add(new AdvisoryPreview.Problem(f.testId(), level, f.path(), f.message()));
        }
        return new AdvisoryPreview(csaf, result.valid(), problems);
    }

    private boolean canRead(Actor actor) {
        return permissions.can(actor, Action.ADVISORY_EDIT) || permissions.can(actor, Action.ADVISORY_APPROVE);
    }

    private void checkReader(Actor actor) {
        if (!canRead(actor)) throw new AccessDeniedException(actor.name() + " may not read advisories");
    }

    private List<UUID> editorIds(UUID advisoryId) {
        return Arrays.asList(jdbc.sql("select editor_ids from advisory where id = :id")
                .param("id", advisoryId)
                .query((rs, n) -> (UUID[]) rs.getArray(1).getArray())
                .single());
    }

    private AdvisoryView lock(UUID advisoryId) {
        jdbc.sql("select id from advisory where id = :id for update")
                .param("id", advisoryId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Advisory", advisoryId));
        return load(advisoryId);
    }

    private AdvisoryView load(UUID advisoryId) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", advisoryId)
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Advisory", advisoryId));
    }

    private static final String SELECT =
            "select a.*, c.reference as case_reference from advisory a join psirt_case c on c.id = a.case_id";

    private AdvisoryView view(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<AdvisoryView.Revision> revisions = jdbc.sql(
                        "select number, date, summary from advisory_revision where advisory_id = :id order by number")
                .param("id", id)
                .query((r, i) -> new AdvisoryView.Revision(
                        r.getInt("number"), r.getTimestamp("date").toInstant(), r.getString("summary")))
                .list();
        return new AdvisoryView(
                id,
                rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"),
                rs.getString("tracking_id"),
                AdvisoryState.valueOf(rs.getString("state")),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("impact"),
                rs.getString("fix"),
                rs.getString("fix_url"),
                rs.getString("workaround"),
                rs.getString("mitigation"),
                Arrays.asList((String[]) rs.getArray("references").getArray()),
                rs.getString("tlp"),
                rs.getInt("version"),
                rs.getString("revision_summary"),
                Arrays.asList((String[]) rs.getArray("editor_names").getArray()),
                rs.getString("approved_by_name"),
                rs.getString("changes_requested"),
                instant(rs, "initial_release_date"),
                instant(rs, "current_release_date"),
                instant(rs, "publish_at"),
                rs.getBoolean("publish_at_embargo_end"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                revisions);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Map<String, Object> auditView(AdvisoryView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingId", a.trackingId());
        m.put("state", a.state().name());
        m.put("version", a.version());
        m.put("title", a.title());
        return m;
    }
}
