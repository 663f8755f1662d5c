package org.koban.server.cases;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * Lets other modules (coordination) write on a case's timeline, inside their own transaction, so that every
 * share, view and embargo step shows where the PSIRT looks. The caller has checked its own permissions.
 */
public interface CaseTimeline {

    void record(@Nullable Actor actor, UUID caseId, String kind, boolean internal, String text);

    /** The case's reference, or a not-found error: for callers that show it. */
    String reference(UUID caseId);
}
