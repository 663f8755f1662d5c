package org.koban.server.catalog.web;

import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.catalog.ProductCommand;
import org.koban.server.catalog.ProductFamilyCommand;
import org.koban.server.catalog.ProductFamilyView;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue's REST API: product families, products and their versions. */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/product-families")
    Page<ProductFamilyView> families(
            @Parameter(hidden = true) Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return catalog.families(actor, PageQuery.of(q, page, size));
    }

    @PostMapping("/product-families")
    ResponseEntity<ProductFamilyView> createFamily(
            @Parameter(hidden = true) Actor actor, @RequestBody ProductFamilyCommand command) {
        ProductFamilyView created = catalog.createFamily(actor, command);
        return ResponseEntity.created(URI.create("/api/v1/product-families/" + created.id()))
                .body(created);
    }

    @GetMapping("/product-families/{id}")
    ProductFamilyView family(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return catalog.family(actor, id);
    }

    @PutMapping("/product-families/{id}")
    ProductFamilyView updateFamily(
            @Parameter(hidden = true) Actor actor, @PathVariable UUID id, @RequestBody ProductFamilyCommand command) {
        return catalog.updateFamily(actor, id, command);
    }

    @DeleteMapping("/product-families/{id}")
    ResponseEntity<Void> deleteFamily(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        catalog.deleteFamily(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/products")
    Page<ProductView> products(
            @Parameter(hidden = true) Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable UUID line,
            @RequestParam(required = false) @Nullable UUID family,
            @RequestParam(required = false) @Nullable Lifecycle lifecycle) {
        return catalog.products(actor, PageQuery.of(q, page, size), new ProductFilter(line, family, lifecycle));
    }

    @PostMapping("/products")
    ResponseEntity<ProductView> createProduct(
            @Parameter(hidden = true) Actor actor, @RequestBody ProductCommand command) {
        ProductView created = catalog.createProduct(actor, command);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(created);
    }

    @GetMapping("/products/{id}")
    ProductView product(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return catalog.product(actor, id);
    }

    @PutMapping("/products/{id}")
    ProductView updateProduct(
            @Parameter(hidden = true) Actor actor, @PathVariable UUID id, @RequestBody ProductCommand command) {
        return catalog.updateProduct(actor, id, command);
    }

    @DeleteMapping("/products/{id}")
    ResponseEntity<Void> deleteProduct(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        catalog.deleteProduct(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/products/{id}/versions")
    Page<ProductVersionView> versions(
            @Parameter(hidden = true) Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return catalog.versions(actor, id, PageQuery.of(q, page, size));
    }

    @PostMapping("/products/{id}/versions")
    ResponseEntity<ProductVersionView> createVersion(
            @Parameter(hidden = true) Actor actor, @PathVariable UUID id, @RequestBody ProductVersionCommand command) {
        ProductVersionView created = catalog.createVersion(actor, id, command);
        return ResponseEntity.created(URI.create("/api/v1/product-versions/" + created.id()))
                .body(created);
    }

    @GetMapping("/product-versions/{id}")
    ProductVersionView version(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return catalog.version(actor, id);
    }

    @PutMapping("/product-versions/{id}")
    ProductVersionView updateVersion(
            @Parameter(hidden = true) Actor actor, @PathVariable UUID id, @RequestBody ProductVersionCommand command) {
        return catalog.updateVersion(actor, id, command);
    }

    @DeleteMapping("/product-versions/{id}")
    ResponseEntity<Void> deleteVersion(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        catalog.deleteVersion(actor, id);
        return ResponseEntity.noContent().build();
    }
}
