package org.koban.server.audit;

import org.koban.server.shared.PageQuery;

/** A page of the audit log, newest first; the search matches action, entity, actor or entity id. */
public record AuditQuery(PageQuery page, String entityType) {

    public AuditQuery {
        entityType = entityType == null ? "" : entityType.strip();
    }
}
