package org.koban.csaf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of validating one document.
 *
 * @param valid the document is JSON, passes the schema (and, in strict mode, the strict schema) and every
 *     mandatory test
 * @param findings every failed check, in test order
 * @param skipped ids of tests that were not run because they need the network or a spell checker
 */
public record ValidationResult(boolean valid, List<Finding> findings, List<String> skipped) {

    public ValidationResult {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }

    /** Ids of failed schema and mandatory checks, each once, in test order. */
    public List<String> failedTests() {
        return ids(Finding.Severity.ERROR);
    }

    /** Ids of failed optional tests. */
    public List<String> warnings() {
        return ids(Finding.Severity.WARNING);
    }

    /** Ids of failed informative tests. */
    public List<String> infos() {
        return ids(Finding.Severity.INFO);
    }

    public List<Finding> findings(String testId) {
        return findings.stream().filter(f -> f.testId().equals(testId)).toList();
    }

    private List<String> ids(Finding.Severity severity) {
        Set<String> ids = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (f.severity() == severity) {
                ids.add(f.testId());
            }
        }
        return new ArrayList<>(ids);
    }
}
