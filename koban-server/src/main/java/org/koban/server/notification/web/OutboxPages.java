package org.koban.server.notification.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.notification.MailOutbox;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class OutboxPages {

    private final MailOutbox outbox;

    OutboxPages(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String outbox(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(q, page, size);
        model.addAttribute("mails", outbox.list(actor, query));
        model.addAttribute("q", query.search());
        return "notification/outbox";
    }
}
