package org.koban.server.catalog.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductFamilyCommand;
import org.koban.server.catalog.ProductFamilyView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Product families: the list with search, and a form to add one. */
@Controller
@RequestMapping("/catalog/families")
class FamilyController {

    private final Catalog catalog;
    private final Permissions permissions;

    FamilyController(Catalog catalog, Permissions permissions) {
        this.catalog = catalog;
        this.permissions = permissions;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        return page(actor, PageQuery.of(q, page, size), new ProductFamilyCommand("", "", ""), List.of(), model);
    }

    @PostMapping
    String create(
            Actor actor, @ModelAttribute("form") ProductFamilyCommand form, Model model, RedirectAttributes flash) {
        try {
            ProductFamilyView created = catalog.createFamily(actor, form);
            flash.addFlashAttribute("notice", "Family " + created.code() + " created.");
            return "redirect:/catalog/families";
        } catch (InvalidInputException e) {
            return page(actor, PageQuery.of(null, 0, null), form, e.problems(), model);
        }
    }

    private String page(
            Actor actor,
            PageQuery query,
            ProductFamilyCommand form,
            List<InvalidInputException.Problem> problems,
            Model model) {
        model.addAttribute("page", catalog.families(actor, query));
        model.addAttribute("q", query.search());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("canCreate", permissions.can(actor, Action.CATALOG_EDIT));
        return "catalog/families";
    }
}
