package org.koban.server.audit.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String entries(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(q, page, size);
        model.addAttribute("q", query.search());
        model.addAttribute("entries", audit.list(actor, new AuditQuery(query, "")));
        return "audit/entries";
    }

    @PostMapping("/admin/audit/verification")
    String verify(Actor actor, Model model) {
        model.addAttribute("verification", audit.verify(actor));
        return entries(actor, null, null, null, model);
    }
}
