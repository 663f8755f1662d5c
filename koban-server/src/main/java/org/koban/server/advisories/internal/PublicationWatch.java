package org.koban.server.advisories.internal;

import java.time.Clock;
import org.koban.server.advisories.Advisories;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes approved advisories whose time has come or whose case's embargo ended. Safe on several nodes. */
@Component
class PublicationWatch {

    private final Advisories advisories;
    private final Clock clock;

    PublicationWatch(Advisories advisories, Clock clock) {
        this.advisories = advisories;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${koban.advisories.publication-check-interval:PT1M}", initialDelayString = "PT30S")
    void run() {
        advisories.publishDue(clock.instant());
    }
}
