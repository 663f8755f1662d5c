package org.koban.server.coordination.internal;

import java.time.Clock;
import org.koban.server.coordination.Embargoes;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends embargoes at their agreed end. Several nodes may run it: rows are taken with SKIP LOCKED. */
@Component
class EmbargoWatch {

    private final Embargoes embargoes;
    private final Clock clock;

    EmbargoWatch(Embargoes embargoes, Clock clock) {
        this.embargoes = embargoes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${koban.embargo.check-interval:PT1M}", initialDelayString = "PT30S")
    void run() {
        embargoes.endExpired(clock.instant());
    }
}
