package org.koban.server.sla;

import java.util.UUID;

/**
 * Raises each SLA alert once: the first call for a subject, target and level publishes {@link SlaAlert}; later
 * calls (the next run of the job, another node) do nothing. Runs in the caller's transaction.
 */
public interface SlaAlerts {

    /** @return whether the alert was new and has been published */
    boolean raiseOnce(UUID subjectId, String target, SlaAlert alert);
}
