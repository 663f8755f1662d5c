package org.koban.server.scoring.web;

import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CweEntry;
import org.koban.server.scoring.Weaknesses;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CVSS scoring and the CWE catalogue over REST, for the calculator and the CWE picker. Any signed-in user
 * or token may call them (the API's security chain requires a token for {@code /api/**}).
 */
@RestController
@RequestMapping("/api/v1")
class ScoringApiController {

    private static final int DEFAULT_LIMIT = 20;

    private final Cvss cvss;
    private final Weaknesses weaknesses;

    ScoringApiController(Cvss cvss, Weaknesses weaknesses) {
        this.cvss = cvss;
        this.weaknesses = weaknesses;
    }

    /** Scores a vector, answering FIRST's JSON shape; a 400 problem lists everything wrong with it. */
    @GetMapping("/cvss")
    CvssResult score(@RequestParam(required = false) @Nullable String vector) {
        if (vector == null) throw InvalidInputException.of("vector", "is required");
        return CvssResult.of(cvss.score(vector));
    }

    /** Searches the catalogue by id or name, best match first. */
    @GetMapping("/cwe")
    CweSearchResult search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit) {
        return new CweSearchResult(
                weaknesses.search(q == null ? "" : q, limit == null ? DEFAULT_LIMIT : limit),
                Weaknesses.CATALOGUE_VERSION);
    }

    /** One entry by id ({@code CWE-79} or {@code 79}), whatever its kind. */
    @GetMapping("/cwe/{id}")
    CweEntry entry(@PathVariable String id) {
        return weaknesses.find(id).orElseThrow(() -> new NotFoundException("CWE entry", id));
    }
}
