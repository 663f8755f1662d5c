package org.koban.server.sla;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One running or finished SLA clock, as pages and the API show it.
 *
 * @param metAt when the target was met; null while it runs
 * @param paused whether the clock is stopped (waiting for the reporter)
 */
public record SlaClock(Instant start, Instant due, @Nullable Instant metAt, boolean paused, SlaStatus status) {

    public static SlaClock of(
            SlaPolicy policy,
            Instant start,
            int days,
            Duration pausedFor,
            boolean paused,
            @Nullable Instant metAt,
            Instant now) {
        Instant due = SlaPolicy.due(start, days, pausedFor);
        SlaStatus status = paused && metAt == null ? SlaStatus.PAUSED : policy.status(start, due, now, metAt);
        return new SlaClock(start, due, metAt, paused, status);
    }

    /** Time left until due (negative when overdue), measured at {@code now}. */
    public Duration remaining(Instant now) {
        return Duration.between(now, due);
    }
}
