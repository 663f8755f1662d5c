package org.koban.server.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The CPE 2.3 formatted-string binding (NISTIR 7695, section 6.2): {@code cpe:2.3:} and eleven components
 * separated by unquoted colons. Each component is {@code *} (any), {@code -} (not applicable) or a value of
 * letters, digits, {@code -}, {@code .}, {@code _} and backslash-quoted punctuation, with optional leading and
 * trailing wildcards ({@code *}, or a run of {@code ?}); the language component is a language tag. This is
 * the grammar of the CPE 2.3 dictionary schema and of CSAF 2.0's {@code cpe} field.
 */
final class Cpe23 {

    static final String PREFIX = "cpe:2.3:";
    static final int MAX_LENGTH = 1000;
    static final List<String> COMPONENTS = List.of(
            "part",
            "vendor",
            "product",
            "version",
            "update",
            "edition",
            "language",
            "sw_edition",
            "target_sw",
            "target_hw",
            "other");

    private static final String QUOTABLE = "\\*?!\"#$%&'()+,/:;<=>@[]^`{|}~-.";
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?");

    private Cpe23() {}

    /** Why the name is not a CPE 2.3 formatted string, or {@code null} if it is one. */
    static @Nullable String problem(String cpe) {
        if (cpe.length() > MAX_LENGTH) return "must be at most " + MAX_LENGTH + " characters";
        if (!cpe.startsWith(PREFIX)) {
            return cpe.regionMatches(true, 0, "cpe:/", 0, 5)
                    ? "is a CPE 2.2 URI; write it as a CPE 2.3 formatted string (cpe:2.3:part:vendor:product:...)"
                    : "must start with 'cpe:2.3:' (CPE 2.3 formatted string)";
        }
        List<String> components = split(cpe.substring(PREFIX.length()));
        if (components == null) return "must not end with a lone backslash";
        if (components.size() != COMPONENTS.size()) {
            return "must have " + (COMPONENTS.size() + 2) + " colon-separated parts (cpe, 2.3 and "
                    + COMPONENTS.size() + " components: " + String.join(":", COMPONENTS) + "); it has "
                    + (components.size() + 2);
        }
        for (int i = 0; i < components.size(); i++) {
            String value = components.get(i);
            String name = "component " + (i + 1) + " (" + COMPONENTS.get(i) + ") '" + value + "'";
            String wrong = switch (i) {
                case 0 -> value.matches("[aho*-]") ? null : "must be a, o, h, * or -";
                case 6 ->
                    value.equals("*")
                                    || value.equals("-")
                                    || LANGUAGE.matcher(value).matches()
                            ? null
                            : "must be *, - or a language tag such as en or en-us";
                default -> value(value);
            };
            if (wrong != null) return name + " " + wrong;
        }
        return null;
    }

    /** Splits at colons that are not quoted; {@code null} when a backslash quotes nothing. */
    private static @Nullable List<String> split(String rest) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\') {
                if (i + 1 == rest.length()) return null;
                current.append(c).append(rest.charAt(++i));
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static @Nullable String value(String value) {
        if (value.isEmpty()) return "is empty (use * for any value or - for not applicable)";
        if (value.equals("*") || value.equals("-")) return null;
        int start = 0;
        int end = value.length();
        // Wildcards: one leading and one trailing '*', or runs of '?', unquoted.
        if (value.charAt(0) == '*') {
            start = 1;
        } else {
            while (start < end && value.charAt(start) == '?') start++;
        }
        if (end > start && value.charAt(end - 1) == '*' && !quotedAt(value, end - 1)) {
            end--;
        } else {
            while (end > start && value.charAt(end - 1) == '?' && !quotedAt(value, end - 1)) end--;
        }
        if (start == end) return "has only wildcards";
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(i + 1);
                if (QUOTABLE.indexOf(next) < 0) {
                    return "quotes '" + next + "', which needs no quoting (only punctuation is quoted)";
                }
                i++;
            } else if (c == '*' || c == '?') {
                return "has a wildcard '" + c + "' inside the value (quote it as \\" + c + ")";
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))) {
                return "has the character '" + c + "', which must be quoted with a backslash"
                        + (c == ' ' ? " (CPE writes spaces as '_')" : "")
                        + (c >= 128 || Character.isISOControl(c) ? " or is not allowed at all (ASCII only)" : "");
            }
        }
        return null;
    }

    private static boolean quotedAt(String value, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && value.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
