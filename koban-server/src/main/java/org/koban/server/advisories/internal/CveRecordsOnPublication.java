package org.koban.server.advisories.internal;

import org.koban.server.access.Actor;
import org.koban.server.advisories.AdvisoryPublished;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cve.CveIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an advisory is published and Koban is a CNA, the case's CVE records are published (or updated) at CVE
 * Services. This runs after the publication committed, outside its transaction: a failure at CVE Services does
 * not undo the advisory; it is written on the case's timeline and the records can be published from the case's
 * CVE page.
 */
@Component
class CveRecordsOnPublication {

    private static final Logger log = LoggerFactory.getLogger(CveRecordsOnPublication.class);

    private final CveIds cveIds;
    private final CaseTimeline timeline;

    CveRecordsOnPublication(CveIds cveIds, CaseTimeline timeline) {
        this.cveIds = cveIds;
        this.timeline = timeline;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AdvisoryPublished published) {
        if (!cveIds.connected()) return;
        try {
            cveIds.publishCase(Actor.system(), published.caseId());
        } catch (RuntimeException e) {
            log.warn("CVE records of {} not published: {}", published.trackingId(), e.getMessage());
            try {
                timeline.record(
                        null,
                        published.caseId(),
                        "cve.publication-failed",
                        true,
                        "Advisory " + published.trackingId() + " is published, but its CVE records could not be"
                                + " published at CVE Services (" + e.getMessage() + "). Publish them from the CVE"
                                + " page.");
            } catch (RuntimeException again) {
                log.warn("Could not record the failure on the timeline", again);
            }
        }
    }
}
