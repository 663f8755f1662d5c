package org.koban.server.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.koban.server.scoring.Severity;

/** The SLA clock's arithmetic, with fixed instants: no sleeping, no wall clock. */
class SlaPolicyUnitTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private final SlaPolicy policy = SlaPolicy.defaults();

    @Test
    void defaultsAreTheIssuesTargets() {
        assertThat(policy.acknowledgeDays()).isEqualTo(2);
        assertThat(policy.triageDays()).isEqualTo(7);
        assertThat(policy.fixDays(Severity.CRITICAL)).isEqualTo(30);
        assertThat(policy.fixDays(Severity.HIGH)).isEqualTo(60);
        assertThat(policy.fixDays(Severity.MEDIUM)).isEqualTo(90);
        assertThat(policy.fixDays(Severity.LOW)).isEqualTo(180);
        assertThat(policy.fixDays(Severity.NONE)).isEqualTo(180);
        assertThat(policy.fixDays(null)).isEqualTo(90);
    }

    @ParameterizedTest(name = "{0} hours after start: {1}")
    @CsvSource({"0, ON_TRACK", "125, ON_TRACK", "126, WARNING", "168, WARNING", "169, BREACHED", "1000, BREACHED"})
    void aSevenDayClockWarnsAtThreeQuartersAndBreachesAfterItsEnd(long hours, SlaStatus expected) {
        Instant due = SlaPolicy.due(START, 7, Duration.ZERO);
        assertThat(due).isEqualTo(Instant.parse("2026-11-08T09:00:00Z"));
        assertThat(policy.status(START, due, START.plus(Duration.ofHours(hours)), null))
                .isEqualTo(expected);
    }

    @Test
    void pausedTimeMovesTheDueDate() {
        Instant due = SlaPolicy.due(START, 7, Duration.ofDays(3));
        assertThat(due).isEqualTo(Instant.parse("2026-11-11T09:00:00Z"));
        SlaClock paused = SlaClock.of(policy, START, 7, Duration.ofDays(3), true, null, START.plus(Duration.ofDays(9)));
        assertThat(paused.status()).isEqualTo(SlaStatus.PAUSED);
        SlaClock running =
                SlaClock.of(policy, START, 7, Duration.ofDays(3), false, null, START.plus(Duration.ofDays(9)));
        assertThat(running.status()).isEqualTo(SlaStatus.WARNING);
    }

    @Test
    void aMetClockSaysWhetherItWasInTime() {
        Instant due = SlaPolicy.due(START, 2, Duration.ZERO);
        assertThat(policy.status(START, due, START.plus(Duration.ofDays(5)), START.plus(Duration.ofDays(1))))
                .isEqualTo(SlaStatus.MET);
        assertThat(policy.status(START, due, START.plus(Duration.ofDays(5)), START.plus(Duration.ofDays(3))))
                .isEqualTo(SlaStatus.MET_LATE);
    }
}
