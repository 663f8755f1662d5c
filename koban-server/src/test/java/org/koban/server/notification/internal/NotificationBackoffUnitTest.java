package org.koban.server.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationBackoffUnitTest {

    @Test
    void thePauseDoublesAfterEachFailureUpToTheCap() {
        var properties = new MailProperties(null, null, null, Duration.ofMinutes(1), Duration.ofMinutes(10), null);
        assertThat(properties.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.delayAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.delayAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        var properties = new MailProperties(null, null, null, null, null, null);
        assertThat(properties.sender()).isEqualTo("koban@localhost");
        assertThat(properties.attemptLimit()).isEqualTo(10);
        assertThat(properties.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.delayAfter(20)).isEqualTo(Duration.ofHours(6));
    }
}
