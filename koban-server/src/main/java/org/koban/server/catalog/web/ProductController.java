package org.koban.server.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.catalog.ProductCommand;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Product pages: the list with search and filters, a product with its versions, and their forms. */
@Controller
@RequestMapping("/catalog")
class ProductController {

    private final Catalog catalog;
    private final Organisation organisation;
    private final Permissions permissions;

    ProductController(Catalog catalog, Organisation organisation, Permissions permissions) {
        this.catalog = catalog;
        this.organisation = organisation;
        this.permissions = permissions;
    }

    @GetMapping("/products")
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String line,
            @RequestParam(required = false) @Nullable String family,
            @RequestParam(required = false) @Nullable String lifecycle,
            Model model) {
        UUID lineId = uuid(line);
        UUID familyId = uuid(family);
        Lifecycle state = lifecycle(lifecycle);
        var query = PageQuery.of(q, page, size);
        model.addAttribute("page", catalog.products(actor, query, new ProductFilter(lineId, familyId, state)));
        model.addAttribute("q", query.search());
        model.addAttribute("line", lineId == null ? "" : lineId.toString());
        model.addAttribute("family", familyId == null ? "" : familyId.toString());
        model.addAttribute("lifecycle", state == null ? "" : state.name());
        model.addAttribute("lines", organisation.visibleLines(actor));
        model.addAttribute("families", catalog.families(actor, PageQuery.all()).items());
        model.addAttribute("lifecycles", Lifecycle.values());
        model.addAttribute("canCreate", catalog.canCreateProducts(actor));
        model.addAttribute("canImport", permissions.can(actor, Action.CATALOG_IMPORT));
        return "catalog/products";
    }

    @GetMapping("/products/{id}")
    String show(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer page, Model model) {
        ProductView product = catalog.product(actor, id);
        model.addAttribute("product", product);
        model.addAttribute("versions", catalog.versions(actor, id, PageQuery.of(null, page, 50)));
        model.addAttribute("canEdit", catalog.canEdit(actor, product));
        return "catalog/product";
    }

    @GetMapping("/products/new")
    String newProduct(Actor actor, Model model) {
        permissions.check(actor, Action.CATALOG_EDIT);
        List<ProductionLineView> lines = editableLines(actor);
        UUID only = lines.size() == 1 ? lines.get(0).id() : null;
        return productForm(actor, model, new ProductCommand("", "", "", only, null), null, List.of());
    }

    @PostMapping("/products/new")
    String create(Actor actor, @ModelAttribute("form") ProductCommand form, Model model, RedirectAttributes flash) {
        try {
            ProductView created = catalog.createProduct(actor, form);
            flash.addFlashAttribute("notice", "Product " + created.code() + " created.");
            return "redirect:/catalog/products/" + created.id();
        } catch (InvalidInputException e) {
            return productForm(actor, model, form, null, e.problems());
        }
    }

    @GetMapping("/products/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        ProductView product = editable(actor, id);
        var form = new ProductCommand(
                product.code(), product.name(), product.description(), product.lineId(), product.familyId());
        return productForm(actor, model, form, product, List.of());
    }

    @PostMapping("/products/{id}/edit")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") ProductCommand form,
            Model model,
            RedirectAttributes flash) {
        ProductView product = editable(actor, id);
        try {
            catalog.updateProduct(actor, id, form);
            flash.addFlashAttribute("notice", "Product saved.");
            return "redirect:/catalog/products/" + id;
        } catch (InvalidInputException e) {
            return productForm(actor, model, form, product, e.problems());
        }
    }

    @PostMapping("/products/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        ProductView product = catalog.product(actor, id);
        try {
            catalog.deleteProduct(actor, id);
            flash.addFlashAttribute("notice", "Product " + product.code() + " deleted.");
            return "redirect:/catalog/products";
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", e.problems());
            return "redirect:/catalog/products/" + id;
        }
    }

    @GetMapping("/products/{id}/versions/new")
    String newVersion(Actor actor, @PathVariable UUID id, Model model) {
        ProductView product = editable(actor, id);
        return versionForm(model, product, null, VersionForm.empty(), List.of());
    }

    @PostMapping("/products/{id}/versions/new")
    String createVersion(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") VersionForm form,
            Model model,
            RedirectAttributes flash) {
        ProductView product = editable(actor, id);
        try {
            ProductVersionView created = catalog.createVersion(actor, id, form.command());
            flash.addFlashAttribute("notice", "Version " + created.version() + " added.");
            return "redirect:/catalog/products/" + id;
        } catch (InvalidInputException e) {
            return versionForm(model, product, null, form, e.problems());
        }
    }

    @GetMapping("/versions/{id}/edit")
    String editVersion(Actor actor, @PathVariable UUID id, Model model) {
        ProductVersionView version = catalog.version(actor, id);
        ProductView product = editable(actor, version.productId());
        return versionForm(model, product, version, VersionForm.of(version), List.of());
    }

    @PostMapping("/versions/{id}/edit")
    String updateVersion(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") VersionForm form,
            Model model,
            RedirectAttributes flash) {
        ProductVersionView version = catalog.version(actor, id);
        ProductView product = editable(actor, version.productId());
        try {
            catalog.updateVersion(actor, id, form.command());
            flash.addFlashAttribute("notice", "Version saved.");
            return "redirect:/catalog/products/" + product.id();
        } catch (InvalidInputException e) {
            return versionForm(model, product, version, form, e.problems());
        }
    }

    @PostMapping("/versions/{id}/delete")
    String deleteVersion(Actor actor, @PathVariable UUID id, RedirectAttributes flash) {
        ProductVersionView version = catalog.version(actor, id);
        catalog.deleteVersion(actor, id);
        flash.addFlashAttribute("notice", "Version " + version.version() + " deleted.");
        return "redirect:/catalog/products/" + version.productId();
    }

    private ProductView editable(Actor actor, UUID productId) {
        ProductView product = catalog.product(actor, productId);
        permissions.check(actor, Action.CATALOG_EDIT, product.lineId());
        return product;
    }

    private List<ProductionLineView> editableLines(Actor actor) {
        return organisation.visibleLines(actor).stream()
                .filter(l -> permissions.can(actor, Action.CATALOG_EDIT, l.id()))
                .toList();
    }

    private String productForm(
            Actor actor,
            Model model,
            ProductCommand form,
            @Nullable ProductView product,
            List<InvalidInputException.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("problems", problems);
        model.addAttribute("lines", editableLines(actor));
        model.addAttribute("families", catalog.families(actor, PageQuery.all()).items());
        return "catalog/product-form";
    }

    private String versionForm(
            Model model,
            ProductView product,
            @Nullable ProductVersionView version,
            VersionForm form,
            List<InvalidInputException.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("lifecycles", Lifecycle.values());
        return "catalog/version-form";
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Lifecycle lifecycle(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Lifecycle.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
