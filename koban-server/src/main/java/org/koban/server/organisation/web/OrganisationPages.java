package org.koban.server.organisation.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.organisation.SiteView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation pages: sites with their lines; admins create and edit them. */
@Controller
class OrganisationPages {

    private final Organisation organisation;
    private final Permissions permissions;

    OrganisationPages(Organisation organisation, Permissions permissions) {
        this.organisation = organisation;
        this.permissions = permissions;
    }

    @GetMapping("/organisation")
    String sites(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(q, page, size);
        model.addAttribute("q", query.search());
        model.addAttribute("sites", organisation.sites(actor, query));
        model.addAttribute("lines", organisation.lines(actor, PageQuery.of(q, page, size), null));
        model.addAttribute("canManage", permissions.can(actor, Action.ORGANISATION_MANAGE));
        return "organisation/sites";
    }

    @GetMapping("/organisation/sites/{id}")
    String site(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("site", organisation.site(actor, id));
        model.addAttribute(
                "lines", organisation.lines(actor, PageQuery.all(), id).items());
        model.addAttribute("canManage", permissions.can(actor, Action.ORGANISATION_MANAGE));
        return "organisation/site";
    }

    @GetMapping("/organisation/sites/new")
    String newSite(Actor actor, Model model) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        model.addAttribute("form", new SiteCommand("", "", "", "", ""));
        return "organisation/site-form";
    }

    @PostMapping("/organisation/sites/new")
    String createSite(Actor actor, @ModelAttribute("form") SiteCommand form, Model model, RedirectAttributes redirect) {
        try {
            SiteView site = organisation.createSite(actor, form);
            redirect.addFlashAttribute("notice", "Site " + site.name() + " created.");
            return "redirect:/organisation/sites/" + site.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return "organisation/site-form";
        }
    }

    @GetMapping("/organisation/sites/{id}/edit")
    String editSite(Actor actor, @PathVariable UUID id, Model model) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        SiteView site = organisation.site(actor, id);
        model.addAttribute("siteId", id);
        model.addAttribute(
                "form", new SiteCommand(site.code(), site.name(), site.country(), site.city(), site.description()));
        return "organisation/site-form";
    }

    @PostMapping("/organisation/sites/{id}/edit")
    String updateSite(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") SiteCommand form,
            Model model,
            RedirectAttributes redirect) {
        try {
            organisation.updateSite(actor, id, form);
            redirect.addFlashAttribute("notice", "Site saved.");
            return "redirect:/organisation/sites/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("siteId", id);
            model.addAttribute("problems", e.problems());
            return "organisation/site-form";
        }
    }

    @GetMapping("/organisation/lines/{id}")
    String line(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("line", organisation.line(actor, id));
        model.addAttribute("canManage", permissions.can(actor, Action.ORGANISATION_MANAGE));
        return "organisation/line";
    }

    @GetMapping("/organisation/lines/new")
    String newLine(Actor actor, @RequestParam(required = false) @Nullable UUID site, Model model) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        model.addAttribute("form", new ProductionLineCommand(site, "", "", ""));
        model.addAttribute("sites", organisation.sites(actor, PageQuery.all()).items());
        return "organisation/line-form";
    }

    @PostMapping("/organisation/lines/new")
    String createLine(
            Actor actor, @ModelAttribute("form") ProductionLineCommand form, Model model, RedirectAttributes redirect) {
        try {
            ProductionLineView line = organisation.createLine(actor, form);
            redirect.addFlashAttribute("notice", "Production line " + line.name() + " created.");
            return "redirect:/organisation/lines/" + line.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute(
                    "sites", organisation.sites(actor, PageQuery.all()).items());
            return "organisation/line-form";
        }
    }

    @GetMapping("/organisation/lines/{id}/edit")
    String editLine(Actor actor, @PathVariable UUID id, Model model) {
        permissions.check(actor, Action.ORGANISATION_MANAGE);
        ProductionLineView line = organisation.line(actor, id);
        model.addAttribute("lineId", id);
        model.addAttribute(
                "form", new ProductionLineCommand(line.siteId(), line.code(), line.name(), line.description()));
        model.addAttribute("sites", organisation.sites(actor, PageQuery.all()).items());
        return "organisation/line-form";
    }

    @PostMapping("/organisation/lines/{id}/edit")
    String updateLine(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") ProductionLineCommand form,
            Model model,
            RedirectAttributes redirect) {
        try {
            organisation.updateLine(actor, id, form);
            redirect.addFlashAttribute("notice", "Production line saved.");
            return "redirect:/organisation/lines/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("lineId", id);
            model.addAttribute("problems", e.problems());
            model.addAttribute(
                    "sites", organisation.sites(actor, PageQuery.all()).items());
            return "organisation/line-form";
        }
    }
}
