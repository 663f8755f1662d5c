package org.koban.server.scoring.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.Weaknesses;
import org.koban.server.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Small page fragments for forms: a live CVSS score as one types or picks metrics, and CWE suggestions. The
 * scoring is the same service the API and the case rules use, so the preview never disagrees with what is saved.
 */
@Controller
class ScoringPages {

    private final Cvss cvss;
    private final Weaknesses weaknesses;

    ScoringPages(Cvss cvss, Weaknesses weaknesses) {
        this.cvss = cvss;
        this.weaknesses = weaknesses;
    }

    @GetMapping("/scoring/cvss-preview")
    String preview(
            @RequestParam(required = false) @Nullable String cvss3Vector,
            @RequestParam(required = false) @Nullable String cvss4Vector,
            Model model) {
        String vector = cvss3Vector != null ? cvss3Vector : cvss4Vector;
        if (vector == null || vector.isBlank()) return "scoring/fragments :: empty";
        try {
            model.addAttribute("score", cvss.score(vector.strip()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "scoring/fragments :: cvss";
    }

    @GetMapping("/scoring/cwe-options")
    String cweOptions(@RequestParam(required = false) @Nullable String cwe, Model model) {
        String text = cwe == null ? "" : cwe.strip();
        model.addAttribute(
                "entries",
                text.isEmpty() || text.length() > Weaknesses.MAX_QUERY_LENGTH
                        ? List.of()
                        : weaknesses.search(text, 20).stream()
                                .filter(e -> e.mappable())
                                .toList());
        return "scoring/fragments :: cwe";
    }
}
