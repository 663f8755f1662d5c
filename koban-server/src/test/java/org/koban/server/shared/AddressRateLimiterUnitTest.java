package org.koban.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressRateLimiterUnitTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesAnAddressAtItsLimitUntilItsOldestEventLeavesTheWindow() {
        var clock = new ManualClock();
        var limiter = new AddressRateLimiter(clock, 3, Duration.ofMinutes(1), 100);
        assertThat(limiter.tryAcquire("a")).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b"))
                .as("other addresses are not affected")
                .isTrue();
        clock.advance(Duration.ofSeconds(40)); // the first event is now a full minute old
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void countsRecordedEventsWithoutRefusingThem() {
        var clock = new ManualClock();
        var limiter = new AddressRateLimiter(clock, 2, Duration.ofMinutes(15), 100);
        limiter.record("a");
        assertThat(limiter.exceeded("a")).isFalse();
        limiter.record("a");
        limiter.record("a");
        assertThat(limiter.exceeded("a")).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.exceeded("a")).isFalse();
    }

    @Test
    void forgetsOnlyTheLeastRecentlySeenAddressWhenFull() {
        var clock = new ManualClock();
        var limiter = new AddressRateLimiter(clock, 1, Duration.ofMinutes(1), 2);
        limiter.record("old");
        limiter.record("busy");
        assertThat(limiter.exceeded("busy")).isTrue(); // touches "busy"
        limiter.record("new"); // evicts "old", the least recently seen
        assertThat(limiter.exceeded("busy"))
                .as("a flood of new addresses resets nobody else")
                .isTrue();
        assertThat(limiter.exceeded("new")).isTrue();
        assertThat(limiter.exceeded("old")).isFalse();
    }
}
