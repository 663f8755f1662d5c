package org.koban.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * BCP 47 language tags (RFC 5646 section 2.1 syntax) checked against the IANA Language Subtag Registry: a tag
 * is valid only if each of its language, extlang, script, region and variant subtags is registered (tests
 * 6.1.12, 6.2.14, 6.2.15). Loaded once; read-only afterwards, so thread-safe.
 */
final class LanguageTags {
    /** Registered subtags by type, lower case. */
    private final Map<String, Set<String>> subtags = new HashMap<>();
    /** Ranges such as {@code qaa..qtz}, by type. */
    private final Map<String, List<String[]>> ranges = new HashMap<>();
    /** Grandfathered and redundant tags, lower case: valid as a whole. */
    private final Set<String> wholeTags = new HashSet<>();
    /** Subtags whose description is "Private use" (e.g. region AA, QM..QZ), as type:subtag or ranges. */
    private final Set<String> privateUse = new HashSet<>();

    private final List<String[]> privateRanges = new ArrayList<>();

    LanguageTags() {
        JsonNode registry;
        try (InputStream in = LanguageTags.class.getResourceAsStream("iana/registry.json")) {
            registry = CsafJson.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode record : registry) {
            String type = record.path("Type").asString();
            boolean isPrivate = false;
            for (JsonNode d : record.path("Description")) {
                isPrivate |= d.asString().equalsIgnoreCase("Private use");
            }
            if (record.has("Tag")) {
                wholeTags.add(lower(record.get("Tag").asString()));
                continue;
            }
            String subtag = lower(record.path("Subtag").asString());
            int dots = subtag.indexOf("..");
            if (dots > 0) {
                String[] range = {type, subtag.substring(0, dots), subtag.substring(dots + 2)};
                ranges.computeIfAbsent(type, t -> new ArrayList<>()).add(range);
                if (isPrivate) {
                    privateRanges.add(range);
                }
            } else {
                subtags.computeIfAbsent(type, t -> new HashSet<>()).add(subtag);
                if (isPrivate) {
                    privateUse.add(type + ":" + subtag);
                }
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code tag} is well-formed and every subtag is registered. */
    boolean isValid(String tag) {
        return parse(tag) != null;
    }

    /** Whether the tag uses a private-use part ({@code x-...}) or a subtag registered as "Private use". */
    boolean usesPrivateUse(String tag) {
        List<String[]> parts = parse(tag);
        if (parts == null) {
            // Not a valid tag: judge the syntax alone, so that "x-foo" style values are still recognised.
            String t = lower(tag);
            return t.startsWith("x-") || t.contains("-x-");
        }
        for (String[] p : parts) {
            if (p[0].equals("privateuse") || privateUse.contains(p[0] + ":" + p[1])) {
                return true;
            }
            for (String[] r : privateRanges) {
                if (r[0].equals(p[0]) && inRange(p[1], r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tag's typed subtags ({type, subtag}), or null if malformed or unregistered. */
    private List<String[]> parse(String tag) {
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        String t = lower(tag);
        List<String[]> parts = new ArrayList<>();
        if (wholeTags.contains(t)) {
            parts.add(new String[] {"tag", t});
            return parts;
        }
        String[] s = t.split("-", -1);
        int i = 0;
        if (s[0].equals("x")) {
            return privateUse(s, 0, parts);
        }
        // language: 2-3 letters (registered), 4 letters reserved (invalid), 5-8 registered.
        if (!alpha(s[i], 2, 8) || s[i].length() == 4 || !registered("language", s[i])) {
            return null;
        }
        parts.add(new String[] {"language", s[i++]});
        int extlangs = 0;
        while (i < s.length && s[i].length() == 3 && alpha(s[i], 3, 3) && extlangs < 3) {
            if (!registered("extlang", s[i])) {
                return null;
            }
            parts.add(new String[] {"extlang", s[i++]});
            extlangs++;
        }
        if (i < s.length && s[i].length() == 4 && alpha(s[i], 4, 4)) {
            if (!registered("script", s[i])) {
                return null;
            }
            parts.add(new String[] {"script", s[i++]});
        }
        if (i < s.length && ((s[i].length() == 2 && alpha(s[i], 2, 2)) || (s[i].length() == 3 && digits(s[i])))) {
            if (!registered("region", s[i])) {
                return null;
            }
            parts.add(new String[] {"region", s[i++]});
        }
        Set<String> variants = new HashSet<>();
        while (i < s.length && isVariant(s[i])) {
            if (!registered("variant", s[i]) || !variants.add(s[i])) {
                return null;
            }
            parts.add(new String[] {"variant", s[i++]});
        }
        Set<String> singletons = new HashSet<>();
        while (i < s.length && s[i].length() == 1 && !s[i].equals("x")) {
            if (!alnum(s[i], 1, 1) || !singletons.add(s[i])) {
                return null;
            }
            int start = ++i;
            while (i < s.length && s[i].length() >= 2 && alnum(s[i], 2, 8)) {
                i++;
            }
            if (i == start) {
                return null;
            }
            parts.add(new String[] {"extension", s[start - 1]});
        }
        if (i < s.length && s[i].equals("x")) {
            return privateUse(s, i, parts);
        }
        return i == s.length ? parts : null;
    }

    private static List<String[]> privateUse(String[] s, int x, List<String[]> parts) {
        if (x + 1 >= s.length) {
            return null;
        }
        for (int i = x + 1; i < s.length; i++) {
            if (!alnum(s[i], 1, 8)) {
                return null;
            }
        }
        parts.add(new String[] {"privateuse", "x"});
        return parts;
    }

    private boolean registered(String type, String subtag) {
        if (subtags.getOrDefault(type, Set.of()).contains(subtag)) {
            return true;
        }
        for (String[] r : ranges.getOrDefault(type, List.of())) {
            if (inRange(subtag, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String subtag, String[] range) {
        return subtag.length() == range[1].length()
                && subtag.compareTo(range[1]) >= 0
                && subtag.compareTo(range[2]) <= 0;
    }

    private static boolean isVariant(String s) {
        return (s.length() >= 5 && alnum(s, 5, 8))
                || (s.length() == 4 && Character.isDigit(s.charAt(0)) && alnum(s, 4, 4));
    }

    private static boolean alpha(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean alnum(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
