package org.koban.server.cve.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.cve.CaseCves;
import org.koban.server.cve.CveIdSource;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIdView;
import org.koban.server.cve.CveIds;
import org.koban.server.cve.CveServicesException;
import org.koban.server.cve.CveServicesException.Reason;
import org.koban.server.cve.PublicAdvisories;
import org.koban.server.cve.Reconciliation;
import org.koban.server.cve.VulnerabilityCve;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CVE ids on PostgreSQL. Calls to CVE Services run outside any transaction; what Koban asked and what it got
 * are written in short transactions around them, so that a crash or a lost answer leaves a request row
 * (pending or unknown) that the next reservation or a reconcile settles from CVE Services' list.
 */
class JdbcCveIds implements CveIds {

    private static final Logger log = LoggerFactory.getLogger(JdbcCveIds.class);

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Cases cases;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final CveServicesClient client;
    private final CveServicesProperties properties;
    private final CveRecordBuilder builder;
    private final CveSchemas schemas;
    private final String publicUrl;
    private final ObjectProvider<PublicAdvisories> publicAdvisories;

    JdbcCveIds(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Clock clock,
            CveServicesClient client,
            CveServicesProperties properties,
            CveSchemas schemas,
            ObjectProvider<PublicAdvisories> publicAdvisories,
            String publicUrl) {
        this.publicAdvisories = publicAdvisories;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.permissions = permissions;
        this.audit = audit;
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
        this.client = client;
        this.properties = properties;
        this.schemas = schemas;
        this.builder = new CveRecordBuilder(
                properties.vendorName(),
                properties.providerOrgId(),
                properties.configured() ? properties.orgShortName() : null);
        this.publicUrl = publicUrl;
    }

    @Override
    public boolean connected() {
        return client.configured();
    }

    // --- reading ----------------------------------------------------------------------------------------------

    @Override
    public CaseCves forCase(Actor actor, UUID caseId) {
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        Map<UUID, CveIdView> byVulnerability = new LinkedHashMap<>();
        for (VulnerabilityView v : c.vulnerabilities()) {
            byId("c.vulnerability_id = :id", v.id()).ifPresent(id -> byVulnerability.put(v.id(), id));
        }
        List<VulnerabilityCve> list = c.vulnerabilities().stream()
                .map(v -> new VulnerabilityCve(
                        v.id(), v.title(), v.cve(), byVulnerability.get(v.id()), recordProblem(c, v)))
                .toList();
        return new CaseCves(c.id(), c.reference(), c.title(), connected(), list);
    }

    private @Nullable String recordProblem(CaseDetail c, VulnerabilityView v) {
        try {
            checked(container(c, v, null));
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    @Override
    public List<CveIdView> list(Actor actor, @Nullable CveIdState state) {
        permissions.check(actor, Action.CASE_MANAGE);
        return jdbc.sql("select c.* from cve_id c where (cast(:state as text) is null or c.state = :state)"
                        + " order by c.reserved_at desc, c.cve_id desc")
                .param("state", state == null ? null : state.name())
                .query(JdbcCveIds::view)
                .list();
    }

    @Override
    public String cnaContainer(Actor actor, UUID caseId, UUID vulnerabilityId) {
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        VulnerabilityView v = vulnerability(c, vulnerabilityId);
        CveIdView id = byId("c.vulnerability_id = :id", v.id()).orElse(null);
        ObjectNode body = JSON.createObjectNode();
        body.set("cnaContainer", checked(container(c, v, id)));
        return PRETTY.writeValueAsString(body);
    }

    @Override
    public String record(Actor actor, UUID caseId, UUID vulnerabilityId) {
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        VulnerabilityView v = vulnerability(c, vulnerabilityId);
        if (v.cve() == null) {
            throw InvalidInputException.of(
                    "cve",
                    "the vulnerability has no CVE id yet: download the CNA container for the CNA, then record the"
                            + " id it assigns");
        }
        CveIdView id = byId("c.vulnerability_id = :id", v.id()).orElse(null);
        ObjectNode record =
                builder.fullRecord(input(c, v, id), v.cve(), id == null ? null : id.reservedAt(), clock.instant());
        List<String> problems = schemas.recordProblems(record);
        if (!problems.isEmpty()) throw invalidRecord(problems);
        return PRETTY.writeValueAsString(record);
    }

    // --- reserving and assigning ------------------------------------------------------------------------------

    /** How often a reservation is repeated when concurrent assignments took every new id first. */
    private static final int MAX_ROUNDS = 3;

    @Override
    public CveIdView reserveAndAssign(Actor actor, UUID caseId, UUID vulnerabilityId) {
        return reserveAndAssign(actor, caseId, vulnerabilityId, MAX_ROUNDS);
    }

    private CveIdView reserveAndAssign(Actor actor, UUID caseId, UUID vulnerabilityId, int roundsLeft) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        VulnerabilityView v = vulnerability(c, vulnerabilityId);
        if (v.cve() != null) throw InvalidInputException.of("vulnerabilityId", "already has " + v.cve());
        if (!client.configured()) {
            throw new CveServicesException(
                    Reason.NOT_CONFIGURED,
                    "Koban has no CNA credentials for CVE Services: download the CVE record, send it to a CNA and"
                            + " record the id it assigns");
        }
        if (needsReconciling()) reconcile(actor);
        // An unused id of the pool first (among them ids adopted after a lost answer): no new reservation.
        Optional<CveIdView> fromPool = transactions.execute(status -> assignFromPool(actor, c, v));
        if (fromPool.isPresent()) return fromPool.get();

        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        UUID requestId = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            insert into cve_reservation_request (id, case_id, vulnerability_id, cve_year, state,
                                requested_by, requested_at)
                            values (:id, :caseId, :vulnerabilityId, :year, 'PENDING', :actor, :now)
                            """)
                    .param("id", requestId)
                    .param("caseId", caseId)
                    .param("vulnerabilityId", vulnerabilityId)
                    .param("year", year)
                    .param("actor", actor.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(
                    "vulnerabilityId", "a CVE id is already being reserved for this vulnerability; wait a moment");
        }

        CveServicesClient.Reservation reservation;
        try {
            reservation = client.reserve(year, 1);
        } catch (CveServicesException e) {
            if (e.reason() == Reason.OUTCOME_UNKNOWN) {
                log.warn(
                        "CVE id reservation {} has an unknown outcome; it is reconciled before the next one: {}",
                        requestId,
                        e.getMessage());
            }
            settle(requestId, e.reason() == Reason.OUTCOME_UNKNOWN ? "UNKNOWN" : "FAILED", null, e.getMessage());
            transactions.executeWithoutResult(status -> audit.record(
                    actor,
                    "cve.reserve-failed",
                    "vulnerability",
                    vulnerabilityId,
                    null,
                    Map.of("reason", e.reason().name(), "message", String.valueOf(e.getMessage()))));
            throw e;
        } catch (RuntimeException e) {
            settle(requestId, "UNKNOWN", null, String.valueOf(e.getMessage()));
            throw e;
        }

        // Stored in its own transaction first: whatever happens to the assignment, the ids are kept.
        List<String> ids = reservation.ids().stream()
                .map(CveServicesClient.RemoteId::cveId)
                .toList();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (var remote : reservation.ids()) {
                jdbc.sql("""
                                insert into cve_id (cve_id, state, source, request_id, reserved_at)
                                values (:id, 'RESERVED', 'CVE_SERVICES', :request, :at)
                                on conflict (cve_id) do nothing
                                """)
                        .param("id", remote.cveId())
                        .param("request", requestId)
                        .param("at", Timestamp.from(remote.reserved() == null ? now : remote.reserved()))
                        .update();
            }
            settleNow(requestId, "COMPLETED", ids.isEmpty() ? null : ids.get(0), null);
            timeline.record(actor, caseId, "cve.reserved", true, String.join(", ", ids) + " reserved at CVE Services.");
            audit.record(actor, "cve.reserved", "cve-reservation", requestId, null, Map.of("ids", ids));
        });
        Optional<CveIdView> assigned = transactions.execute(status -> assignFromPool(actor, c, v));
        // Empty only if other vulnerabilities took the new id first: reserve again (its request is settled), a
        // bounded number of times; the ids reserved meanwhile are all in the pool.
        if (assigned.isPresent()) return assigned.get();
        if (roundsLeft <= 1) {
            throw InvalidInputException.of(
                    "vulnerabilityId", "other vulnerabilities took every new id first; try again in a moment");
        }
        return reserveAndAssign(actor, caseId, vulnerabilityId, roundsLeft - 1);
    }

    /**
     * In the caller's transaction: takes the lowest unused id and puts it on the vulnerability; empty when the
     * pool is empty; refused when the vulnerability got an id meanwhile (a newly reserved id then stays in the
     * pool). The advisory lock serialises assignments to one vulnerability.
     */
    private Optional<CveIdView> assignFromPool(Actor actor, CaseDetail c, VulnerabilityView stale) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "cve:" + stale.id())
                .query((rs, n) -> 1)
                .list();
        VulnerabilityView v = vulnerability(cases.get(Actor.system(), c.id(), PageQuery.of(null, 0, 1)), stale.id());
        if (v.cve() != null) throw InvalidInputException.of("vulnerabilityId", "already has " + v.cve());
        Optional<CveIdView> existing = byId("c.vulnerability_id = :id", v.id());
        if (existing.isPresent()) {
            throw InvalidInputException.of(
                    "vulnerabilityId", "already has " + existing.get().cveId());
        }
        Optional<String> free = jdbc.sql("""
                        select cve_id from cve_id where state = 'RESERVED' and source = 'CVE_SERVICES'
                        order by cve_id limit 1 for update skip locked
                        """).query(String.class).optional();
        if (free.isEmpty()) return Optional.empty();
        String cveId = free.get();
        // The cases module locks the case row first; our row refers to the case (a key-share lock), so it is
        // written after, never before: the other order deadlocks with a concurrent assignment on the case.
        cases.updateVulnerability(actor, c.id(), v.id(), withCve(v, cveId));
        jdbc.sql("""
                        update cve_id set state = 'ASSIGNED', case_id = :caseId, vulnerability_id = :vulnerabilityId,
                            assigned_at = :now
                        where cve_id = :id and state = 'RESERVED'
                        """)
                .param("caseId", c.id())
                .param("vulnerabilityId", v.id())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", cveId)
                .update();
        timeline.record(actor, c.id(), "cve.assigned", true, cveId + " assigned to " + v.title() + ".");
        audit.record(actor, "cve.assigned", "cve-id", cveId, null, Map.of("vulnerability", v.id(), "case", c.id()));
        return byId("c.cve_id = :id", cveId);
    }

    private boolean needsReconciling() {
        Instant stale = clock.instant().minus(properties.pending());
        return jdbc.sql("""
                        select count(*) from cve_reservation_request
                        where state = 'UNKNOWN' or (state = 'PENDING' and requested_at < :stale)
                        """)
                        .param("stale", Timestamp.from(stale))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Reconciliation reconcile(Actor actor) {
        permissions.check(actor, Action.CASE_MANAGE);
        Instant started = clock.instant();
        List<CveServicesClient.RemoteId> remote = client.list(null);
        String user = properties.userName();
        List<String> adopted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int settled = transactions.execute(status -> {
            Set<String> known =
                    jdbc.sql("select cve_id from cve_id").query(String.class).set();
            for (var id : remote) {
                boolean ours =
                        id.requestedByUser() == null || id.requestedByUser().equalsIgnoreCase(user);
                if (id.state().equals("RESERVED") && ours && !known.contains(id.cveId())) {
                    jdbc.sql("""
                                    insert into cve_id (cve_id, state, source, adopted, reserved_at)
                                    values (:id, 'RESERVED', 'CVE_SERVICES', true, :at)
                                    on conflict (cve_id) do nothing
                                    """)
                            .param("id", id.cveId())
                            .param("at", Timestamp.from(id.reserved() == null ? started : id.reserved()))
                            .update();
                    adopted.add(id.cveId());
                } else if (id.state().equals("REJECTED")
                        && jdbc.sql("""
                                                update cve_id set state = 'REJECTED', rejected_at = :now
                                                where cve_id = :id and state = 'RESERVED'
                                                """)
                                        .param("id", id.cveId())
                                        .param("now", Timestamp.from(started))
                                        .update()
                                > 0) {
                    rejected.add(id.cveId());
                }
            }
            // Only requests that were already unknown or stale when the list was fetched are settled by it.
            int count = jdbc.sql("""
                            update cve_reservation_request set state = 'RECONCILED', settled_at = :now
                            where requested_at <= :started
                              and (state = 'UNKNOWN' or (state = 'PENDING' and requested_at < :stale))
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("started", Timestamp.from(started))
                    .param("stale", Timestamp.from(started.minus(properties.pending())))
                    .update();
            audit.record(
                    actor,
                    "cve.reconciled",
                    "cve-ids",
                    properties.orgShortName(),
                    null,
                    Map.of("adopted", adopted, "rejected", rejected, "settledRequests", count));
            return count;
        });
        if (!adopted.isEmpty() || !rejected.isEmpty() || settled > 0) {
            log.info(
                    "Reconciled with CVE Services: adopted {}, rejected there {}, settled {} request(s)",
                    adopted,
                    rejected,
                    settled);
        }
        return new Reconciliation(List.copyOf(adopted), List.copyOf(rejected), settled);
    }

    private void settle(UUID requestId, String state, @Nullable String cveId, @Nullable String error) {
        transactions.executeWithoutResult(status -> settleNow(requestId, state, cveId, error));
    }

    private void settleNow(UUID requestId, String state, @Nullable String cveId, @Nullable String error) {
        jdbc.sql("""
                        update cve_reservation_request set state = :state, cve_id = :cve, error = :error,
                            settled_at = :now
                        where id = :id
                        """)
                .param("state", state)
                .param("cve", cveId)
                .param("error", error == null ? null : cut(error, 2000))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", requestId)
                .update();
    }

    // --- publishing and rejecting -----------------------------------------------------------------------------

    @Override
    public CveIdView publish(Actor actor, UUID caseId, UUID vulnerabilityId) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        VulnerabilityView v = vulnerability(c, vulnerabilityId);
        CveIdView id = byId("c.vulnerability_id = :id", v.id())
                .orElseThrow(() -> InvalidInputException.of(
                        "vulnerabilityId", "the vulnerability has no CVE id reserved by Koban"));
        if (id.source() != CveIdSource.CVE_SERVICES) {
            throw InvalidInputException.of(
                    "vulnerabilityId",
                    id.cveId() + " was assigned by an outside CNA: send them the record file; they publish it");
        }
        if (!id.state().canBecome(CveIdState.PUBLISHED)) {
            throw InvalidInputException.of(
                    "vulnerabilityId", id.cveId() + " is " + id.state().label());
        }
        ObjectNode container = checked(container(c, v, id));
        boolean update = id.state() == CveIdState.PUBLISHED;
        if (update) {
            client.update(id.cveId(), container);
        } else {
            try {
                client.create(id.cveId(), container);
            } catch (CveServicesException e) {
                // An earlier publication whose answer was lost: the record exists, so this is an update.
                if (!"CVE_RECORD_EXISTS".equals(e.code())) throw e;
                client.update(id.cveId(), container);
            }
        }
        String text = JSON.writeValueAsString(container);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            jdbc.sql("""
                            update cve_id set state = 'PUBLISHED', published_at = coalesce(published_at, :now),
                                updated_at = :now, last_container = :container
                            where cve_id = :id
                            """)
                    .param("now", Timestamp.from(now))
                    .param("container", text)
                    .param("id", id.cveId())
                    .update();
            String kind = update ? "cve.updated" : "cve.published";
            timeline.record(
                    actor,
                    caseId,
                    kind,
                    true,
                    (update ? "CVE record of " + id.cveId() + " updated" : id.cveId() + " published")
                            + " at CVE Services.");
            audit.record(actor, kind, "cve-id", id.cveId(), null, Map.of("vulnerability", v.id()));
            return byId("c.cve_id = :id", id.cveId()).orElseThrow();
        });
    }

    @Override
    public List<CveIdView> publishCase(Actor actor, UUID caseId) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        List<CveIdView> published = new ArrayList<>();
        for (VulnerabilityView v : c.vulnerabilities()) {
            Optional<CveIdView> id = byId("c.vulnerability_id = :id", v.id());
            if (id.isPresent()
                    && id.get().source() == CveIdSource.CVE_SERVICES
                    && id.get().state().canBecome(CveIdState.PUBLISHED)) {
                published.add(publish(actor, caseId, v.id()));
            }
        }
        return published;
    }

    @Override
    public CveIdView reject(Actor actor, String cveId, String reason) {
        permissions.check(actor, Action.CASE_MANAGE);
        Validation validation = new Validation();
        String why = validation.required("reason", reason, 4000);
        validation.throwIfInvalid();
        String id = cveId.strip().toUpperCase(Locale.ROOT);
        CveIdView before = byId("c.cve_id = :id", id).orElseThrow(() -> new NotFoundException("CVE id", id));
        if (before.source() != CveIdSource.CVE_SERVICES || !before.state().canBecome(CveIdState.REJECTED)) {
            throw InvalidInputException.of("cveId", id + " is not an unused id of Koban's pool");
        }
        // Taken out of the pool first, so that no vulnerability gets it while CVE Services is asked.
        int taken = transactions.execute(status -> jdbc.sql("""
                        update cve_id set state = 'REJECTED', rejected_at = :now
                        where cve_id = :id and state = 'RESERVED'
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update());
        if (taken == 0) throw InvalidInputException.of("cveId", id + " was assigned meanwhile");
        try {
            client.reject(id, cut(why.strip(), 4000));
        } catch (RuntimeException e) {
            // Back to the pool; if CVE Services did reject it after all, the next reconcile says so.
            transactions.executeWithoutResult(
                    status -> jdbc.sql("update cve_id set state = 'RESERVED', rejected_at = null where cve_id = :id")
                            .param("id", id)
                            .update());
            throw e;
        }
        return transactions.execute(status -> {
            audit.record(actor, "cve.rejected", "cve-id", id, Map.of("state", "RESERVED"), Map.of("reason", why));
            return byId("c.cve_id = :id", id).orElseThrow();
        });
    }

    // --- an outside CNA's id ----------------------------------------------------------------------------------

    @Override
    public CveIdView recordAssigned(Actor actor, UUID caseId, UUID vulnerabilityId, String cveId) {
        permissions.check(actor, Action.CASE_MANAGE);
        String id = cveId == null ? "" : cveId.strip().toUpperCase(Locale.ROOT);
        if (!CVE.matcher(id).matches()) throw InvalidInputException.of("cveId", "must look like CVE-2026-12345");
        return transactions.execute(status -> {
            CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
            VulnerabilityView v = vulnerability(c, vulnerabilityId);
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                    .param("key", "cve:" + v.id())
                    .query((rs, n) -> 1)
                    .list();
            if (v.cve() != null) throw InvalidInputException.of("cveId", "the vulnerability already has " + v.cve());
            if (byId("c.cve_id = :id", id).isPresent()) {
                throw InvalidInputException.of("cveId", id + " is already known to Koban");
            }
            // The case row is locked by the cases module before our row refers to it (see assignFromPool).
            cases.updateVulnerability(actor, caseId, v.id(), withCve(v, id));
            Instant now = clock.instant();
            jdbc.sql("""
                            insert into cve_id (cve_id, state, source, case_id, vulnerability_id, reserved_at,
                                assigned_at)
                            values (:id, 'ASSIGNED', 'CNA', :caseId, :vulnerabilityId, :now, :now)
                            """)
                    .param("id", id)
                    .param("caseId", caseId)
                    .param("vulnerabilityId", v.id())
                    .param("now", Timestamp.from(now))
                    .update();
            timeline.record(
                    actor, caseId, "cve.assigned", true, id + " (assigned by a CNA) recorded for " + v.title() + ".");
            audit.record(
                    actor,
                    "cve.assigned",
                    "cve-id",
                    id,
                    null,
                    Map.of("vulnerability", v.id(), "case", caseId, "source", "CNA"));
            return byId("c.cve_id = :id", id).orElseThrow();
        });
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private CveRecordBuilder.Input input(CaseDetail c, VulnerabilityView v, @Nullable CveIdView id) {
        // The case's public advisory once there is one; until then the public list of advisories.
        var advisory = publicAdvisories.stream()
                .flatMap(p -> p.ofCase(c.id()).stream())
                .findFirst();
        return new CveRecordBuilder.Input(
                v,
                v.cve(),
                id == null ? null : id.assignedAt(),
                advisory.map(PublicAdvisories.PublicAdvisory::firstPublished).orElse(null),
                List.of(advisory.map(PublicAdvisories.PublicAdvisory::url).orElse(publicUrl + "/security/advisories")));
    }

    private ObjectNode container(CaseDetail c, VulnerabilityView v, @Nullable CveIdView id) {
        return builder.cnaContainer(input(c, v, id));
    }

    /** The container, or every schema problem: an invalid record is never sent or offered. */
    private ObjectNode checked(ObjectNode container) {
        List<String> problems = schemas.containerProblems(container);
        if (!problems.isEmpty()) throw invalidRecord(problems);
        return container;
    }

    private static InvalidInputException invalidRecord(List<String> problems) {
        return new InvalidInputException(problems.stream()
                .map(p -> new InvalidInputException.Problem("cveRecord", p))
                .collect(Collectors.toList()));
    }

    private static VulnerabilityView vulnerability(CaseDetail c, UUID vulnerabilityId) {
        return c.vulnerabilities().stream()
                .filter(v -> v.id().equals(vulnerabilityId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Vulnerability", vulnerabilityId));
    }

    private static VulnerabilityCommand withCve(VulnerabilityView v, String cveId) {
        return new VulnerabilityCommand(v.title(), v.description(), v.cweId(), v.cvss3Vector(), v.cvss4Vector(), cveId);
    }

    private Optional<CveIdView> byId(String predicate, Object id) {
        return jdbc.sql("select c.* from cve_id c where " + predicate)
                .param("id", id)
                .query(JdbcCveIds::view)
                .optional();
    }

    private static CveIdView view(ResultSet rs, int row) throws SQLException {
        return new CveIdView(
                rs.getString("cve_id"),
                CveIdState.valueOf(rs.getString("state")),
                CveIdSource.valueOf(rs.getString("source")),
                rs.getObject("case_id", UUID.class),
                rs.getObject("vulnerability_id", UUID.class),
                rs.getBoolean("adopted"),
                rs.getTimestamp("reserved_at").toInstant(),
                instant(rs.getTimestamp("assigned_at")),
                instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("rejected_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
