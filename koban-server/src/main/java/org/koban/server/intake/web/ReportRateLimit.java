package org.koban.server.intake.web;

import java.time.Clock;
import java.time.Duration;
import org.koban.server.shared.AddressRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Submissions per client address and minute, in memory on this node (see {@link AddressRateLimiter} for
 * how its memory stays bounded). Addresses are never stored anywhere else.
 */
@Component
class ReportRateLimit {

    static final int MAX_ADDRESSES = 10_000;

    private final AddressRateLimiter limiter;

    ReportRateLimit(Clock clock, @Value("${koban.intake.rate-limit.per-minute:10}") int perMinute) {
        this.limiter = new AddressRateLimiter(clock, perMinute, Duration.ofMinutes(1), MAX_ADDRESSES);
    }

    /** Counts one submission from {@code address}; false when the address is over its limit. */
    boolean tryAcquire(String address) {
        return limiter.tryAcquire(address);
    }
}
