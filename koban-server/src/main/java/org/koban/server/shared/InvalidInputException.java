package org.koban.server.shared;

import java.util.List;

/**
 * Bad input, with every problem found (not only the first), so that a form can show them all beside
 * their fields and an API client can fix them in one go. Nothing was changed when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem: where it is (a field name, a JSON path, or "row 12, column cpe") and what is wrong. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) return "Invalid input";
        Problem first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
