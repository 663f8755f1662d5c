package org.koban.server.advisories;

import java.util.List;

/**
 * The advisory as it would be published now: its CSAF 2.0 document and what koban-csaf says about it (strict
 * schema, mandatory tests; optional and informative tests as advice). An invalid preview cannot be approved.
 */
public record AdvisoryPreview(String csafJson, boolean valid, List<Problem> problems) {

    /**
     * @param test {@code schema}, {@code schema-strict} or a test id such as {@code 6.1.27.6}
     * @param level {@code error} (blocks approval), {@code warning} or {@code info}
     * @param path the JSON path of the offending part of the document
     */
    public record Problem(String test, String level, String path, String message) {}

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.level().equals("error")).toList();
    }
}
