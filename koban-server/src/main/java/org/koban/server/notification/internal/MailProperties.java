package org.koban.server.notification.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code koban.mail.*}: see docs/configuration.md. SMTP itself is Spring's {@code spring.mail.*}. */
@ConfigurationProperties("koban.mail")
record MailProperties(
        @Nullable String from,
        @Nullable Duration pollInterval,
        @Nullable Integer maxAttempts,
        @Nullable Duration backoff,
        @Nullable Duration maxBackoff,
        @Nullable Integer batchSize) {

    String sender() {
        return from == null || from.isBlank() ? "koban@localhost" : from.strip();
    }

    Duration poll() {
        return pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                ? Duration.ofSeconds(30)
                : pollInterval;
    }

    int attemptLimit() {
        return maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
    }

    /** How long to wait before the next attempt, after {@code attempts} failed ones: doubling, capped. */
    Duration delayAfter(int attempts) {
        Duration first = backoff == null || backoff.isNegative() || backoff.isZero() ? Duration.ofMinutes(1) : backoff;
        Duration cap = maxBackoff == null || maxBackoff.compareTo(first) < 0 ? Duration.ofHours(6) : maxBackoff;
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    int batch() {
        return batchSize == null || batchSize < 1 ? 50 : batchSize;
    }
}
