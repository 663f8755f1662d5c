package org.koban.server.organisation.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.organisation.SiteView;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sites and production lines over REST. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {

    private final Organisation organisation;

    OrganisationApi(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping("/sites")
    Page<SiteView> sites(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return organisation.sites(actor, PageQuery.of(q, page, size));
    }

    @GetMapping("/sites/{id}")
    SiteView site(Actor actor, @PathVariable UUID id) {
        return organisation.site(actor, id);
    }

    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    SiteView createSite(Actor actor, @RequestBody SiteCommand command) {
        return organisation.createSite(actor, command);
    }

    @PutMapping("/sites/{id}")
    SiteView updateSite(Actor actor, @PathVariable UUID id, @RequestBody SiteCommand command) {
        return organisation.updateSite(actor, id, command);
    }

    @GetMapping("/lines")
    Page<ProductionLineView> lines(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID site,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return organisation.lines(actor, PageQuery.of(q, page, size), site);
    }

    @GetMapping("/lines/{id}")
    ProductionLineView line(Actor actor, @PathVariable UUID id) {
        return organisation.line(actor, id);
    }

    @PostMapping("/lines")
    @ResponseStatus(HttpStatus.CREATED)
    ProductionLineView createLine(Actor actor, @RequestBody ProductionLineCommand command) {
        return organisation.createLine(actor, command);
    }

    @PutMapping("/lines/{id}")
    ProductionLineView updateLine(Actor actor, @PathVariable UUID id, @RequestBody ProductionLineCommand command) {
        return organisation.updateLine(actor, id, command);
    }
}
