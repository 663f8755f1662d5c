package org.koban.server.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per client address over a sliding window, in memory on this node: sign-in failures,
 * public submissions. Memory is bounded twice: each address keeps at most {@code limit} timestamps, and
 * beyond {@code maxAddresses} the least recently seen address is forgotten, which can only let that one
 * address in again early, never lock anyone out or reset everyone's counts.
 */
public final class AddressRateLimiter {

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> events;

    public AddressRateLimiter(Clock clock, int limit, Duration window, int maxAddresses) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.events = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Counts one event from the address. */
    public synchronized void record(String address) {
        Deque<Instant> recent = recent(address);
        recent.addLast(clock.instant());
        while (recent.size() > limit) recent.removeFirst();
    }

    /** Whether the address has reached its limit within the window. */
    public synchronized boolean exceeded(String address) {
        Deque<Instant> recent = events.get(address);
        if (recent == null) return false;
        prune(recent);
        return recent.size() >= limit;
    }

    /** Counts one event unless the address is already at its limit; false when it is. */
    public synchronized boolean tryAcquire(String address) {
        if (exceeded(address)) return false;
        record(address);
        return true;
    }

    private Deque<Instant> recent(String address) {
        Deque<Instant> recent = events.computeIfAbsent(address, a -> new ArrayDeque<>());
        prune(recent);
        return recent;
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) recent.removeFirst();
    }
}
