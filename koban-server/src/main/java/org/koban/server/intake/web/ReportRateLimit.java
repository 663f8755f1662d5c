package org.koban.server.intake.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Submissions per client address and minute (a fixed window), in memory on this node. Memory is bounded:
 * beyond {@link #MAX_ADDRESSES} addresses the least recently seen is forgotten, which can only ever let a
 * forgotten address in again, never lock a real reporter out. Addresses are never stored anywhere else.
 */
@Component
class ReportRateLimit {

    static final int MAX_ADDRESSES = 10_000;

    private record Window(long minute, int count) {}

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    ReportRateLimit(Clock clock, @Value("${koban.intake.rate-limit.per-minute:10}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts one submission from {@code address}; false when the address is over its limit this minute. */
    synchronized boolean tryAcquire(String address) {
        long minute = clock.millis() / 60_000;
        Window window = windows.get(address);
        if (window == null || window.minute() != minute) window = new Window(minute, 0);
        if (window.count() >= perMinute) {
            windows.put(address, window);
            return false;
        }
        windows.put(address, new Window(minute, window.count() + 1));
        return true;
    }
}
