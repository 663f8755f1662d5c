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

    /** An optional text, checked as {@link #optional}; returns it stripped, or null when it is blank. */
    public @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
        String checked = optional(field, value, maxLength);
        return checked == null || checked.isBlank() ? null : checked.strip();
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

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final String PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String PGP_END = "-----END PGP PUBLIC KEY BLOCK-----";

    /** An optional email address (at most 254 characters); returns it stripped, or null when blank. */
    public @Nullable String email(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        String email = value.strip();
        optional(field, email, 254);
        if (!EMAIL.matcher(email).matches()) reject(field, "must be an email address, e.g. name@example.org");
        return email;
    }

    /**
     * An optional ASCII-armored OpenPGP public key: one block, at most 64 KiB. Only its shape is checked here;
     * whether it can encrypt is the mail module's business when it uses it.
     */
    public @Nullable String pgpPublicKey(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        String key = value.strip();
        optional(field, key, 64 * 1024);
        if (!(key.startsWith(PGP_BEGIN) && key.endsWith(PGP_END) && key.indexOf("-----BEGIN", 1) < 0)) {
            reject(field, "must be an ASCII-armored OpenPGP public key block (" + PGP_BEGIN + " ... " + PGP_END + ")");
        }
        return key;
    }

    /**
     * An optional choice among an enum's constants, as APIs and forms write it (any case, {@code -} for
     * {@code _}); null when blank.
     *
     * @throws InvalidInputException naming the allowed values, for anything else
     */
    public static <E extends Enum<E>> @Nullable E choice(Class<E> type, String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(
                    type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    field,
                    "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * An optional local date and time as HTML's {@code datetime-local} sends it ({@code 2026-12-24T09:00}); null
     * when blank.
     *
     * @throws InvalidInputException for anything else
     */
    public static java.time.@Nullable LocalDateTime localDateTime(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return java.time.LocalDateTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a date and time, e.g. 2026-12-24T09:00");
        }
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
