package org.koban.server.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem of one input before anything is changed, then throws them together. Used by
 * services, so the UI, the API and imports share the same rules and messages.
 */
public final class Validation {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final List<InvalidInputException.Problem> problems = new ArrayList<>();
    private final String prefix;

    public Validation() {
        this("");
    }

    /** Problems are reported with this prefix before each field, e.g. {@code "products[3]."}. */
    public Validation(String prefix) {
        this.prefix = prefix;
    }

    public Validation reject(String field, String message) {
        problems.add(new InvalidInputException.Problem(prefix + field, message));
        return this;
    }

    public @Nullable String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            reject(field, "is required");
            return value;
        }
        return optional(field, value, maxLength);
    }

    public @Nullable String optional(String field, @Nullable String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters (it has " + value.length() + ")");
        }
        if (value != null
                && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            reject(field, "must not contain control characters");
        }
        return value;
    }

    /** A short identifier: letters, digits, dot, dash, underscore; starts with a letter or digit. */
    public @Nullable String code(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            reject(field, "is required");
        } else if (!CODE.matcher(value).matches()) {
            reject(field, "must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return value;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<InvalidInputException.Problem> problems() {
        return List.copyOf(problems);
    }

    public void addAll(List<InvalidInputException.Problem> more) {
        problems.addAll(more);
    }

    /**
     * An optional absolute http or https URL with a host, at most 2,000 characters; returns it stripped, or null
     * when blank. Other schemes ({@code javascript:}, {@code file:}, {@code data:}) are refused.
     */
    public @Nullable String webUrl(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        String url = value.strip();
        optional(field, url, 2_000);
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                reject(field, "must be an http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            reject(field, "must be an http or https URL");
        }
        return url;
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }
}
