package org.koban.server.web;

import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.catalog.Catalog;
import org.koban.server.organisation.Organisation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what a person is responsible for, at a glance. */
@Controller
class DashboardController {

    private final Permissions permissions;
    private final Organisation organisation;
    private final Catalog catalog;

    DashboardController(Permissions permissions, Organisation organisation, Catalog catalog) {
        this.permissions = permissions;
        this.organisation = organisation;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String dashboard(Actor actor, Model model) {
        permissions.check(actor, Action.DASHBOARD_VIEW);
        model.addAttribute("lines", organisation.visibleLines(actor));
        if (permissions.can(actor, Action.CATALOG_VIEW)) model.addAttribute("catalog", catalog.summary(actor));
        return "web/dashboard";
    }
}
