package org.koban.server.audit;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.shared.Page;

/**
 * Records changes in the caller's transaction, so an entry commits (or rolls back) with the change it
 * describes. {@code before} and {@code after} are any JSON-serialisable values, usually the view records
 * of the changed aggregate; {@code null} for "did not exist" or "no longer exists".
 */
public interface AuditLog {

    void record(
            Actor actor,
            String action,
            String entityType,
            Object entityId,
            @Nullable Object before,
            @Nullable Object after);

    Page<AuditEntry> list(Actor actor, AuditQuery query);

    AuditVerification verify(Actor actor);
}
