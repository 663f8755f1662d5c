package org.koban.csaf;

/**
 * One failed check.
 *
 * @param testId {@code schema}, {@code schema-strict}, {@code json} or a test id of section 6 such as {@code 6.1.11}
 * @param severity error for the schema and mandatory tests, warning for optional, info for informative tests
 * @param path JSON pointer of the offending value ({@code ""} for the whole document)
 * @param message what is wrong, in terms of the specification
 */
public record Finding(String testId, Severity severity, String path, String message) {

    /** How a finding affects the document's validity (section 6: error, warning, information). */
    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    @Override
    public String toString() {
        return severity + " " + testId + " at " + (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
