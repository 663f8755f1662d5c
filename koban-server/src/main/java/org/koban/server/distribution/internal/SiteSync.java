package org.koban.server.distribution.internal;

import org.koban.server.advisories.AdvisoryPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the public site in line with what is published: at start (completing a sync a crash interrupted), after
 * each publication has committed, and on a schedule ({@code koban.distribution.sync-interval}) as a safety net.
 * The database is the truth; the tree is rebuilt from it, so a failed sync loses nothing.
 */
@Component
class SiteSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SiteSync.class);

    private final SiteWriter writer;

    SiteSync(SiteWriter writer) {
        this.writer = writer;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync("start");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AdvisoryPublished published) {
        sync(published.trackingId() + " published");
    }

    @Scheduled(
            fixedDelayString = "${koban.distribution.sync-interval:PT10M}",
            initialDelayString = "${koban.distribution.sync-interval:PT10M}")
    void scheduled() {
        sync("schedule");
    }

    private void sync(String why) {
        try {
            var report = writer.sync();
            log.debug(
                    "Public site synced ({}): {} files written, {} documents unchanged",
                    why,
                    report.written().size(),
                    report.documentsUnchanged());
        } catch (RuntimeException e) {
            log.warn("Public site sync ({}) failed; the next one completes it: {}", why, e.getMessage());
        }
    }
}
