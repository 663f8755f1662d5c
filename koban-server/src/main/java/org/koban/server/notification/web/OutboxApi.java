package org.koban.server.notification.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.notification.MailOutbox;
import org.koban.server.notification.OutboxEntry;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/outbox}: the outgoing mail queue, for admins. Never includes a mail's body. */
@RestController
class OutboxApi {

    private final MailOutbox outbox;

    OutboxApi(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/outbox")
    Page<OutboxEntry> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return outbox.list(actor, PageQuery.of(q, page, size));
    }
}
