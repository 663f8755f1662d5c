package org.koban.server.cve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.koban.server.cve.CveServicesException;
import org.koban.server.cve.CveServicesException.Reason;
import org.koban.server.cve.internal.CveServicesStandIn.Failure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The client against the local stand-in: the happy path and every failure mode, without really waiting. */
@Timeout(60)
class CveServicesClientUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static CveServicesStandIn standIn;

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private CveServicesClient client;

    @BeforeAll
    static void start() {
        standIn = new CveServicesStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void setUp() {
        standIn.reset();
        client = new CveServicesClient(standIn.properties(3), recording, clock);
    }

    @Test
    void reservesOneIdWithTheThreeHeaders() {
        var reservation = client.reserve(2026, 1);

        assertThat(reservation.partial()).isFalse();
        assertThat(reservation.ids()).hasSize(1);
        var id = reservation.ids().get(0);
        assertThat(id.cveId()).matches("CVE-2026-\\d{4,}");
        assertThat(id.state()).isEqualTo("RESERVED");
        assertThat(id.requestedByUser()).isEqualTo(CveServicesStandIn.USER);
        assertThat(standIn.entry(id.cveId())).isNotNull();
    }

    @Test
    void listsEveryPageOfTheOrganisationsIds() {
        standIn.pageSize(2);
        List<String> reserved = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            reserved.add(client.reserve(2026, 1).ids().get(0).cveId());

        List<String> listed = client.list("RESERVED").stream()
                .map(CveServicesClient.RemoteId::cveId)
                .toList();

        assertThat(listed).containsAll(reserved).doesNotHaveDuplicates();
        assertThat(standIn.calls("GET", "/cve-id")).isGreaterThanOrEqualTo(3);
        standIn.pageSize(3);
    }

    @Test
    void wrongCredentialsAreAClearErrorAndReserveNothing() {
        int before = standIn.entries().size();
        var wrong = new CveServicesProperties(
                standIn.url(),
                CveServicesStandIn.ORG,
                CveServicesStandIn.USER,
                "wrong",
                null,
                null,
                null,
                null,
                3,
                null,
                null);
        var badClient = new CveServicesClient(wrong, recording, clock);

        assertThatThrownBy(() -> badClient.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS))
                .hasMessageContaining("401")
                .hasMessageContaining("koban.cve-services.org, user and key");
        assertThat(standIn.entries()).hasSize(before);
        assertThat(waits).isEmpty();
    }

    @Test
    void a401IsNotRetried() {
        standIn.fail(Failure.UNAUTHORIZED, 1);

        assertThatThrownBy(() -> client.list(null))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CREDENTIALS));
        assertThat(standIn.calls("GET", "/cve-id")).isEqualTo(1);
    }

    @Test
    void a429IsRetriedAfterTheWaitTheServerAsked() {
        standIn.retryAfter("7");
        standIn.fail(Failure.RATE_LIMITED, 2);

        var reservation = client.reserve(2026, 1);

        assertThat(reservation.ids()).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(standIn.calls("POST", "/cve-id")).isEqualTo(3);
    }

    @Test
    void aRetryAfterGivenAsADateIsHonoured() {
        standIn.retryAfter(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atZone(ZoneOffset.UTC)));
        standIn.fail(Failure.RATE_LIMITED, 1);

        client.list(null);

        assertThat(waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void a429BeyondTheRetryLimitFailsAsRateLimitedAndReservesNothing() {
        int before = standIn.entries().size();
        standIn.fail(Failure.RATE_LIMITED, 4);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(waits).hasSize(3);
        assertThat(standIn.calls("POST", "/cve-id")).isEqualTo(4);
        assertThat(standIn.entries()).hasSize(before);
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedFor() {
        standIn.retryAfter("3600");
        standIn.fail(Failure.RATE_LIMITED, 1);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED))
                .hasMessageContaining("3600");
        assertThat(waits).isEmpty();
    }

    @Test
    void anExhaustedQuotaIsAClearError() {
        standIn.quota(0);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.QUOTA_EXHAUSTED))
                .hasMessageContaining("quota");
    }

    @Test
    void aBatchBeyondTheQuotaReturnsThePartOfItThatWasReserved() {
        long reserved = standIn.entries().stream()
                .filter(e -> e.state().equals("RESERVED"))
                .count();
        standIn.quota((int) reserved + 2);

        var reservation = client.reserve(2026, 5);

        assertThat(reservation.partial()).isTrue();
        assertThat(reservation.ids()).hasSize(2);
    }

    @Test
    void aDroppedConnectionOnReserveIsAnUnknownOutcome() {
        standIn.fail(Failure.DROP, 1);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));
        assertThat(standIn.calls("POST", "/cve-id")).isEqualTo(1);
    }

    @Test
    void aLostAnswerLeavesTheIdReservedAtCveServicesAndListedThere() {
        int before = standIn.entries().size();
        standIn.fail(Failure.LOST_RESPONSE, 1);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN));

        assertThat(standIn.entries()).hasSize(before + 1);
        assertThat(client.list("RESERVED").stream().map(CveServicesClient.RemoteId::cveId))
                .contains(standIn.entries().getLast().cveId());
    }

    @Test
    void aTimeoutOnReserveIsAnUnknownOutcome() {
        standIn.fail(Failure.SLOW, 1);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN))
                .hasMessageContaining("timed out");
    }

    @Test
    void a5xxOnReserveIsAnUnknownOutcomeAndNotRepeated() {
        standIn.fail(Failure.SERVER_ERROR, 1);

        assertThatThrownBy(() -> client.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN))
                .hasMessageContaining("500");
        assertThat(standIn.calls("POST", "/cve-id")).isEqualTo(1);
    }

    @Test
    void aListSurvivesPassing5xxAndDroppedConnectionsByRetrying() {
        standIn.fail(Failure.SERVER_ERROR, 1);
        standIn.fail(Failure.DROP, 1);

        client.list(null);

        // The JDK's client itself repeats a GET once when the connection drops, so 3 or 4 calls.
        assertThat(standIn.calls("GET", "/cve-id")).isBetween(3, 4);
        assertThat(waits).isNotEmpty();
    }

    @Test
    void persistent5xxOnARepeatableCallIsUnavailable() {
        standIn.fail(Failure.SERVER_ERROR, 4);

        assertThatThrownBy(() -> client.list(null))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void publishesUpdatesAndRejects() {
        String published = client.reserve(2026, 1).ids().get(0).cveId();
        String unused = client.reserve(2026, 1).ids().get(0).cveId();
        ObjectNode container = JsonMapper.builder().build().createObjectNode();
        container.putArray("descriptions").addObject().put("lang", "en").put("value", "first");

        client.create(published, container);
        assertThatThrownBy(() -> client.create(published, container))
                .isInstanceOfSatisfying(CveServicesException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.code()).isEqualTo("CVE_RECORD_EXISTS");
                });
        container.withArray("descriptions").addObject().put("lang", "ja").put("value", "second");
        client.update(published, container);
        client.reject(unused, "Not used.");

        assertThat(standIn.entry(published).state()).isEqualTo("PUBLISHED");
        assertThat(standIn.entry(published).cna().path("descriptions")).hasSize(2);
        assertThat(standIn.entry(unused).state()).isEqualTo("REJECTED");
    }

    @Test
    void withoutCredentialsNothingIsCalled() {
        var none = new CveServicesProperties(null, null, null, null, null, null, null, null, null, null, null);
        var unconfigured = new CveServicesClient(none, recording, clock);

        assertThatThrownBy(() -> unconfigured.reserve(2026, 1))
                .isInstanceOfSatisfying(
                        CveServicesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CONFIGURED));
    }
}
