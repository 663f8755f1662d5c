package org.koban.server.distribution.web;

import org.koban.server.distribution.internal.PublicPages;
import org.koban.server.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public advisory pages, for anyone: the index with search and filters, one page per advisory, the Atom feed. */
@Controller
class PublicAdvisoryPages {

    private static final int MAX = 200;

    private final PublicPages pages;

    PublicAdvisoryPages(PublicPages pages) {
        this.pages = pages;
    }

    @GetMapping("/security/advisories")
    String index(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String product,
            @RequestParam(defaultValue = "") String cve,
            @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String year,
            Model model) {
        var filter = new PublicPages.Filter(cut(q), cut(product), cut(cve), cut(severity), cut(year));
        model.addAllAttributes(pages.indexModel(pages.find(filter), filter, true, "/security/advisories/", ""));
        return "distribution/public-index";
    }

    @GetMapping(path = "/security/advisories/feed.atom")
    ResponseEntity<String> atom() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(CacheControl.noCache())
                .body(pages.atom(pages.pageBase(), ""));
    }

    @GetMapping("/security/advisories/{trackingId}")
    String advisory(@PathVariable String trackingId, Model model) {
        var advisory = pages.one(trackingId).orElseThrow(() -> new NotFoundException("Advisory", trackingId));
        model.addAllAttributes(pages.advisoryModel(advisory, "/security/advisories", ""));
        return "distribution/public-advisory";
    }

    /** Filters are public input: bounded, never trusted. */
    private static String cut(String value) {
        String v = value.strip();
        return v.length() > MAX ? v.substring(0, MAX) : v;
    }
}
