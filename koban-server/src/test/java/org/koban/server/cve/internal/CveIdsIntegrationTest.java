package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.TimelineEntry;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.cve.CveIdSource;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIdView;
import org.koban.server.cve.CveIds;
import org.koban.server.cve.CveServicesException;
import org.koban.server.cve.CveServicesException.Reason;
import org.koban.server.cve.internal.CveServicesStandIn.Failure;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * Reserving, assigning, publishing, updating and rejecting CVE ids through the stand-in, on PostgreSQL, with
 * every failure mode: nothing reserved is lost, no id is on two vulnerabilities, no vulnerability has two ids.
 */
@Timeout(120)
class CveIdsIntegrationTest extends CveServicesIntegrationTestBase {

    @Autowired
    CveIds cveIds;

    Actor analyst;
    Actor admin;

    @BeforeEach
    void setUp() {
        STAND_IN.reset();
        STAND_IN.retryAfter("0");
        analyst = analyst();
        admin = fixtures.actor(Role.ADMIN);
        // Every test starts with nothing unsettled and an empty pool: what other tests left is reconciled and
        // its unused ids rejected, the normal way.
        cveIds.reconcile(admin);
        for (CveIdView unused : cveIds.list(admin, CveIdState.RESERVED)) {
            cveIds.reject(admin, unused.cveId(), "Left over by another test.");
        }
        STAND_IN.reset();
        STAND_IN.retryAfter("0");
    }

    @Test
    void reservesAssignsPublishesUpdatesAndRejects() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);

        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);

        assertThat(assigned.state()).isEqualTo(CveIdState.ASSIGNED);
        assertThat(assigned.source()).isEqualTo(CveIdSource.CVE_SERVICES);
        assertThat(assigned.vulnerabilityId()).isEqualTo(vulnerability);
        assertThat(cve(s, vulnerability)).isEqualTo(assigned.cveId());
        assertThat(STAND_IN.entry(assigned.cveId()).state()).isEqualTo("RESERVED");

        CveIdView published = cveIds.publish(analyst, s.caseId(), vulnerability);

        assertThat(published.state()).isEqualTo(CveIdState.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        JsonNode sent = STAND_IN.entry(assigned.cveId()).cna();
        assertThat(sent.path("affected").get(0).path("vendor").asString()).isEqualTo("Example Vendor");
        assertThat(new CveSchemas().containerProblems(sent)).isEmpty();

        VulnerabilityView v = vulnerability(s, vulnerability);
        cases.updateVulnerability(
                analyst,
                s.caseId(),
                vulnerability,
                new VulnerabilityCommand(
                        v.title(), "Now with the full story.", v.cweId(), v.cvss3Vector(), null, v.cve()));
        CveIdView updated = cveIds.publish(analyst, s.caseId(), vulnerability);

        assertThat(updated.state()).isEqualTo(CveIdState.PUBLISHED);
        assertThat(STAND_IN.calls("PUT", "/cve/" + assigned.cveId())).isEqualTo(1);
        JsonNode resent = STAND_IN.entry(assigned.cveId()).cna();
        assertThat(resent.path("descriptions").get(0).path("value").asString()).isEqualTo("Now with the full story.");
        assertThat(resent.has("metrics")).isTrue();

        String spare = STAND_IN.reserveOutside(CveServicesStandIn.USER);
        assertThat(cveIds.reconcile(analyst).adopted()).contains(spare);
        CveIdView rejected = cveIds.reject(analyst, spare, "Not used.");

        assertThat(rejected.state()).isEqualTo(CveIdState.REJECTED);
        assertThat(STAND_IN.entry(spare).state()).isEqualTo("REJECTED");
        assertThat(timelineKinds(s)).contains("cve.reserved", "cve.assigned", "cve.published", "cve.updated");
        assertThat(auditActions(assigned.cveId())).contains("cve.assigned", "cve.published", "cve.updated");
        assertThat(auditActions(spare)).contains("cve.rejected");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'cve.reserved'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aLostAnswerIsAdoptedByTheNextReservationNotReservedTwice() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        int before = STAND_IN.entries().size();
        STAND_IN.fail(Failure.LOST_RESPONSE, 1);

        assertThatThrownBy(() -> cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        assertThat(STAND_IN.entries()).hasSize(before + 1);
        String lost = newest();
        assertThat(cve(s, vulnerability)).isNull();
        assertThat(requestStates(vulnerability)).containsExactly("UNKNOWN");

        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);

        assertThat(assigned.cveId()).isEqualTo(lost);
        assertThat(assigned.adopted()).isTrue();
        assertThat(STAND_IN.entries()).hasSize(before + 1);
        assertThat(STAND_IN.calls("POST", "/cve-id")).isEqualTo(1);
        assertThat(requestStates(vulnerability)).containsExactly("RECONCILED");
        assertThat(cve(s, vulnerability)).isEqualTo(lost);
    }

    @Test
    void aCrashBetweenCveServicesAndTheDatabaseIsRecoveredByReconciling() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        // The state a crash leaves: the request row pending for long, the id reserved at CVE Services only.
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                        insert into cve_reservation_request (id, case_id, vulnerability_id, cve_year, state,
                            requested_by, requested_at)
                        values (:id, :caseId, :vulnerabilityId, 2026, 'PENDING', :actor, :at)
                        """)
                .param("id", request)
                .param("caseId", s.caseId())
                .param("vulnerabilityId", vulnerability)
                .param("actor", analyst.id())
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
                .update();
        String reservedBeforeTheCrash = STAND_IN.reserveOutside(CveServicesStandIn.USER);
        String someoneElses = STAND_IN.reserveOutside("other-tool@example.com");

        var reconciliation = cveIds.reconcile(analyst);

        assertThat(reconciliation.adopted()).contains(reservedBeforeTheCrash).doesNotContain(someoneElses);
        assertThat(reconciliation.settledRequests()).isGreaterThanOrEqualTo(1);
        assertThat(requestStates(vulnerability)).containsExactly("RECONCILED");
        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);
        assertThat(assigned.cveId()).isEqualTo(reservedBeforeTheCrash);
        assertThat(STAND_IN.calls("POST", "/cve-id")).isZero();
    }

    @Test
    void badCredentialsRecordNothing() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        long ids = idCount();
        STAND_IN.fail(Failure.UNAUTHORIZED, 1);

        assertThatThrownBy(() -> cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS))
                .hasMessageContaining("credentials");

        assertThat(idCount()).isEqualTo(ids);
        assertThat(cve(s, vulnerability)).isNull();
        assertThat(requestStates(vulnerability)).containsExactly("FAILED");
        assertThat(auditActions(vulnerability.toString())).contains("cve.reserve-failed");
    }

    @Test
    void anExhaustedQuotaIsAClearErrorAndRecordsNothing() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        long ids = idCount();
        STAND_IN.quota((int) STAND_IN.entries().stream()
                .filter(e -> e.state().equals("RESERVED"))
                .count());

        assertThatThrownBy(() -> cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED));

        assertThat(idCount()).isEqualTo(ids);
        assertThat(cve(s, vulnerability)).isNull();
        assertThat(requestStates(vulnerability)).containsExactly("FAILED");
    }

    @Test
    void rateLimitingIsWaitedOut() {
        Scenario s = scenario(analyst, 1);
        STAND_IN.fail(Failure.RATE_LIMITED, 2);

        CveIdView assigned =
                cveIds.reserveAndAssign(analyst, s.caseId(), s.vulnerabilities().get(0));

        assertThat(assigned.state()).isEqualTo(CveIdState.ASSIGNED);
        assertThat(STAND_IN.calls("POST", "/cve-id")).isEqualTo(3);
    }

    @Test
    void rateLimitingBeyondTheRetriesFailsAndRecordsNothing() {
        Scenario s = scenario(analyst, 1);
        long ids = idCount();
        STAND_IN.fail(Failure.RATE_LIMITED, 3);

        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(idCount()).isEqualTo(ids);
    }

    @Test
    void aServerErrorOrADroppedConnectionIsReconciledBeforeTheNextTry() {
        Scenario s = scenario(analyst, 2);
        int before = STAND_IN.entries().size();
        STAND_IN.fail(Failure.SERVER_ERROR, 1);
        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        assertThat(requestStates(s.vulnerabilities().get(0))).containsExactly("UNKNOWN");
        assertThat(cveIds.reconcile(analyst).settledRequests()).isEqualTo(1);
        STAND_IN.fail(Failure.DROP, 1);
        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(1)))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        // Neither failure reserved anything at CVE Services.
        assertThat(STAND_IN.entries()).hasSize(before);

        CveIdView first =
                cveIds.reserveAndAssign(analyst, s.caseId(), s.vulnerabilities().get(0));
        CveIdView second =
                cveIds.reserveAndAssign(analyst, s.caseId(), s.vulnerabilities().get(1));

        assertThat(first.cveId()).isNotEqualTo(second.cveId());
        assertThat(STAND_IN.entries()).hasSize(before + 2);
        assertThat(requestStates(s.vulnerabilities().get(0))).containsExactly("RECONCILED", "COMPLETED");
        assertThat(requestStates(s.vulnerabilities().get(1))).containsExactly("RECONCILED", "COMPLETED");
    }

    @Test
    void aTimeoutAfterTheServerReservedLosesNothing() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        STAND_IN.fail(Failure.SLOW, 1);

        assertThatThrownBy(() -> cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        String reservedLate = newest();

        assertThat(cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability).cveId())
                .isEqualTo(reservedLate);
    }

    @Test
    void concurrentReservationsForOneVulnerabilityGiveItOneIdAndLoseNone() throws Exception {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        STAND_IN.fail(Failure.DELAY, 6);

        List<Object> outcomes = race(6, () -> cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability));

        List<CveIdView> successes = outcomes.stream()
                .filter(CveIdView.class::isInstance)
                .map(CveIdView.class::cast)
                .toList();
        assertThat(successes).hasSize(1);
        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o).isInstanceOfAny(CveIdView.class, InvalidInputException.class));
        assertThat(cve(s, vulnerability)).isEqualTo(successes.get(0).cveId());
        assertThat(jdbc.sql("select count(*) from cve_id where vulnerability_id = :v")
                        .param("v", vulnerability)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertEveryReservedIdIsKnown();
    }

    @Test
    void concurrentReservationsForSeveralVulnerabilitiesGiveEachItsOwnId() throws Exception {
        Scenario s = scenario(analyst, 4);
        STAND_IN.fail(Failure.DELAY, 4);
        var next = new java.util.concurrent.atomic.AtomicInteger();

        List<Object> outcomes = race(
                4,
                () -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(next.getAndIncrement())));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(CveIdView.class));
        Set<String> ids = outcomes.stream().map(o -> ((CveIdView) o).cveId()).collect(Collectors.toSet());
        assertThat(ids).hasSize(4);
        for (UUID v : s.vulnerabilities()) assertThat(cve(s, v)).isIn(ids);
        assertEveryReservedIdIsKnown();
    }

    @Test
    void anIdIsNeverOnTwoVulnerabilities() {
        Scenario s = scenario(analyst, 2);
        CveIdView first =
                cveIds.reserveAndAssign(analyst, s.caseId(), s.vulnerabilities().get(0));

        assertThatThrownBy(() -> cveIds.recordAssigned(
                        analyst, s.caseId(), s.vulnerabilities().get(1), first.cveId()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        analyst, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already has");
        assertThatThrownBy(() -> cveIds.reject(analyst, first.cveId(), "no")).isInstanceOf(InvalidInputException.class);
        assertThat(cve(s, s.vulnerabilities().get(1))).isNull();
    }

    @Test
    void aPublicationWhoseAnswerWasLostIsCompletedAsAnUpdate() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);
        STAND_IN.fail(Failure.LOST_RESPONSE, 1);

        assertThatThrownBy(() -> cveIds.publish(analyst, s.caseId(), vulnerability))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        assertThat(cveIds.list(analyst, CveIdState.ASSIGNED).stream().map(CveIdView::cveId))
                .contains(assigned.cveId());

        CveIdView published = cveIds.publishCase(analyst, s.caseId()).get(0);

        assertThat(published.state()).isEqualTo(CveIdState.PUBLISHED);
        assertThat(STAND_IN.calls("PUT", "/cve/" + assigned.cveId())).isEqualTo(1);
    }

    @Test
    void aFailedRejectionPutsTheIdBackInThePool() {
        String spare = STAND_IN.reserveOutside(CveServicesStandIn.USER);
        cveIds.reconcile(analyst);
        STAND_IN.fail(Failure.SERVER_ERROR, 1);

        assertThatThrownBy(() -> cveIds.reject(analyst, spare, "Not used.")).isInstanceOf(CveServicesException.class);

        assertThat(cveIds.list(analyst, CveIdState.RESERVED).stream().map(CveIdView::cveId))
                .contains(spare);
    }

    @Test
    void onlyThePsirtChangesIds() {
        Scenario s = scenario(analyst, 1);
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, s.line());

        assertThatThrownBy(() -> cveIds.reserveAndAssign(
                        engineer, s.caseId(), s.vulnerabilities().get(0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cveIds.reconcile(engineer)).isInstanceOf(AccessDeniedException.class);
        assertThat(STAND_IN.calls("POST", "/cve-id")).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private List<Object> race(int threads, Callable<CveIdView> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<Future<CveIdView>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<CveIdView> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every id CVE Services reserved for Koban's user is in Koban's table. */
    private void assertEveryReservedIdIsKnown() {
        List<String> ours = STAND_IN.entries().stream()
                .filter(e -> e.user().equals(CveServicesStandIn.USER))
                .map(CveServicesStandIn.Entry::cveId)
                .toList();
        // Ids whose answer was lost are adopted by the next reconcile; settle them first.
        cveIds.reconcile(analyst);
        Set<String> after = Set.copyOf(
                jdbc.sql("select cve_id from cve_id").query(String.class).list());
        assertThat(after).containsAll(ours);
    }

    private String newest() {
        return STAND_IN.entries().stream()
                .max(java.util.Comparator.comparing(CveServicesStandIn.Entry::reserved)
                        .thenComparing(CveServicesStandIn.Entry::cveId))
                .orElseThrow()
                .cveId();
    }

    private long idCount() {
        return jdbc.sql("select count(*) from cve_id").query(Long.class).single();
    }

    private List<String> requestStates(UUID vulnerability) {
        return jdbc.sql("select state from cve_reservation_request where vulnerability_id = :v order by requested_at")
                .param("v", vulnerability)
                .query(String.class)
                .list();
    }

    private List<String> auditActions(String entityId) {
        return jdbc.sql("select action from audit_log where entity_id = :id")
                .param("id", entityId)
                .query(String.class)
                .list();
    }

    private List<String> timelineKinds(Scenario s) {
        return cases.timeline(admin, s.caseId(), PageQuery.all()).items().stream()
                .map(TimelineEntry::kind)
                .toList();
    }

    @Test
    void anIdReservedThroughCveServicesIsNotEditedByHandOnTheVulnerability() {
        Scenario s = scenario(analyst, 1);
        UUID vulnerability = s.vulnerabilities().get(0);
        CveIdView assigned = cveIds.reserveAndAssign(analyst, s.caseId(), vulnerability);
        VulnerabilityView v = vulnerability(s, vulnerability);
        java.util.function.Function<String, org.koban.server.cases.VulnerabilityCommand> with =
                cve -> new org.koban.server.cases.VulnerabilityCommand(
                        v.title() + " (edited)", v.description(), v.cweId(), v.cvss3Vector(), v.cvss4Vector(), cve);
        assertThatThrownBy(() ->
                        cases.updateVulnerability(analyst, s.caseId(), vulnerability, with.apply("CVE-2026-999999")))
                .isInstanceOf(org.koban.server.shared.InvalidInputException.class)
                .hasMessageContaining("CVE page");
        assertThatThrownBy(() -> cases.updateVulnerability(analyst, s.caseId(), vulnerability, with.apply(null)))
                .isInstanceOf(org.koban.server.shared.InvalidInputException.class);
        // The rest of the vulnerability is edited as before.
        cases.updateVulnerability(analyst, s.caseId(), vulnerability, with.apply(assigned.cveId()));
        assertThat(vulnerability(s, vulnerability).title()).endsWith("(edited)");
        assertThat(cve(s, vulnerability)).isEqualTo(assigned.cveId());
    }

    private VulnerabilityView vulnerability(Scenario s, UUID id) {
        return cases.get(admin, s.caseId(), PageQuery.of(null, 0, 1)).vulnerabilities().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private String cve(Scenario s, UUID id) {
        return vulnerability(s, id).cve();
    }
}
