package org.koban.server.web;

import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cases.Cases;
import org.koban.server.catalog.Catalog;
import org.koban.server.organisation.Organisation;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what a person is responsible for, at a glance. */
@Controller
class DashboardController {

    private final Permissions permissions;
    private final Organisation organisation;
    private final Catalog catalog;
    private final Cases cases;

    DashboardController(Permissions permissions, Organisation organisation, Catalog catalog, Cases cases) {
        this.permissions = permissions;
        this.organisation = organisation;
        this.catalog = catalog;
        this.cases = cases;
    }

    @GetMapping("/")
    String dashboard(Actor actor, Model model) {
        // Outside participants have no dashboard: their start page is the portal.
        if (!permissions.can(actor, Action.DASHBOARD_VIEW) && permissions.can(actor, Action.SHARED_CASE_VIEW)) {
            return "redirect:/portal";
        }
        permissions.check(actor, Action.DASHBOARD_VIEW);
        // People on production lines see their lines; organisation-wide roles see the sites at a glance.
        model.addAttribute(
                "myLines",
                organisation.visibleLines(actor).stream()
                        .filter(line -> actor.isMemberOf(line.id()))
                        .toList());
        model.addAttribute("sites", organisation.sites(actor, new PageQuery("", 0, 12)));
        if (permissions.can(actor, Action.CATALOG_VIEW)) model.addAttribute("catalog", catalog.summary(actor));
        if (permissions.can(actor, Action.CASE_VIEW)) model.addAttribute("work", cases.dashboard(actor));
        return "web/dashboard";
    }
}
