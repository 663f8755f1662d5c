package org.koban.server.coordination.internal;

import java.time.Clock;
import org.koban.server.coordination.Participants;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due reminders to participants. Several nodes may run it: participants are taken with SKIP LOCKED. */
@Component
class ReminderWatch {

    private final Participants participants;
    private final Clock clock;

    ReminderWatch(Participants participants, Clock clock) {
        this.participants = participants;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${koban.coordination.reminder-check-interval:PT1H}", initialDelayString = "PT2M")
    void run() {
        participants.sendDueReminders(clock.instant());
    }
}
