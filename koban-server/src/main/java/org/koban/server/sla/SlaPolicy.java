package org.koban.server.sla;

import java.time.Duration;
import java.time.Instant;
import org.koban.server.scoring.Severity;

/**
 * The PSIRT's service-level targets, in days. Fix targets count from when the vendor became aware (the
 * report's receipt); acknowledgement and triage count from receipt, with time spent waiting for the
 * reporter's answer left out.
 */
public record SlaPolicy(
        int acknowledgeDays,
        int triageDays,
        int fixCriticalDays,
        int fixHighDays,
        int fixMediumDays,
        int fixLowDays,
        int warningPercent) {

    public static final int MAX_DAYS = 3650;

    /** The defaults the issue names: acknowledge in 2 days, triage in 7, fix 30/60/90/180 days by severity. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(2, 7, 30, 60, 90, 180, 75);
    }

    /**
     * Days to fix a vulnerability of this severity. Not yet scored counts as medium (the middle band), and
     * None as low, so that every task has a due date from the start.
     */
    public int fixDays(@org.jspecify.annotations.Nullable Severity severity) {
        if (severity == null) return fixMediumDays;
        return switch (severity) {
            case CRITICAL -> fixCriticalDays;
            case HIGH -> fixHighDays;
            case MEDIUM -> fixMediumDays;
            case LOW, NONE -> fixLowDays;
        };
    }

    /** When a target that started at {@code start} is due, leaving out {@code paused} time. */
    public static Instant due(Instant start, int days, Duration paused) {
        return start.plus(Duration.ofDays(days)).plus(paused);
    }

    /** Where a clock stands at {@code now}: met, on track, near its end (warning) or past it (breached). */
    public SlaStatus status(Instant start, Instant due, Instant now, @org.jspecify.annotations.Nullable Instant metAt) {
        if (metAt != null) return metAt.isAfter(due) ? SlaStatus.MET_LATE : SlaStatus.MET;
        if (now.isAfter(due)) return SlaStatus.BREACHED;
        long total = Duration.between(start, due).toMillis();
        long elapsed = Duration.between(start, now).toMillis();
        if (total > 0 && elapsed * 100 >= total * warningPercent) return SlaStatus.WARNING;
        return SlaStatus.ON_TRACK;
    }
}
