package org.koban.server.audit.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditEntry;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.audit.AuditVerification;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log and its verification over REST, for admins and auditors' scripts. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    Page<AuditEntry> entries(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return audit.list(actor, new AuditQuery(PageQuery.of(q, page, size), entityType == null ? "" : entityType));
    }

    /** Re-computes the whole hash chain; {@code intact: false} names the first entry that does not match. */
    @GetMapping("/verification")
    AuditVerification verify(Actor actor) {
        return audit.verify(actor);
    }
}
