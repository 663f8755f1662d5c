package org.koban.csaf;

/**
 * Hand-written equivalents of the schema's most frequent patterns and formats, for the strings where the answer
 * is simple and certain; for any other string they answer "unknown" and the caller uses the regular expression or
 * the general format check. {@code FastChecksUnitTest} compares them with {@link java.util.regex.Pattern} and with
 * networknt's format checks.
 */
final class FastChecks {
    static final int UNKNOWN = -1;
    static final int NO = 0;
    static final int YES = 1;

    /** No hand check for this pattern. */
    static final int P_NONE = 0;
    /** {@code ^[\S](.*[\S])?$}: no white space at either end. */
    static final int P_NO_OUTER_SPACE = 1;
    /** {@code ^[^\s\-_\.](.*[^\s\-_\.])?$}: no white space, '-', '_' or '.' at either end. */
    static final int P_NO_OUTER_SPACE_OR_PUNCT = 2;

    static final int P_CVE = 3;
    static final int P_CWE = 4;
    static final int P_HEX32 = 5;
    /** FIRST's CVSS v3.0 and v3.1 vector patterns: exact. */
    static final int P_CVSS30 = 6;

    static final int P_CVSS31 = 7;
    /** {@code version_t}: answers yes for plain integers and plain x.y.z versions, unknown otherwise. */
    static final int P_VERSION = 8;
    /** {@code lang_t}: answers yes for a bare language ("en") or a language with a region ("en-US"). */
    static final int P_LANGUAGE = 9;
    /** The CPE pattern: answers yes for plain CPE 2.3 names and CPE 2.2 URIs, unknown otherwise. */
    static final int P_CPE = 10;
    /** The package URL pattern: exact. */
    static final int P_PURL = 11;

    static final String CVSS30 = "^CVSS:3[.]0/" + cvss3Pattern();
    static final String CVSS31 = "^CVSS:3[.]1/" + cvss3Pattern();
    static final String VERSION =
            "^(0|[1-9][0-9]*)$|^((0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|"
                    + "\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+"
                    + "(?:\\.[0-9a-zA-Z-]+)*))?)$";
    static final String CPE =
            "^(cpe:2\\.3:[aho\\*\\-](:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!\"#\\$%&'\\(\\)\\+,/:;<=>"
                    + "@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\\*"
                    + "\\-]))(:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!\"#\\$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|"
                    + "\\}~]))+(\\?*|\\*?))|[\\*\\-])){4})|([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\\._\\-~%]*){0,6})$";
    static final String PURL = "^pkg:[A-Za-z\\.\\-\\+][A-Za-z0-9\\.\\-\\+]*/.+";
    static final String LANGUAGE = "^(([A-Za-z]{2,3}(-[A-Za-z]{3}(-[A-Za-z]{3}){0,2})?|[A-Za-z]{4,8})(-[A-Za-z]{4})?"
            + "(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*"
            + "(-[Xx](-[A-Za-z0-9]{1,8})+)?|[Xx](-[A-Za-z0-9]{1,8})+|[Ii]-[Dd][Ee][Ff][Aa][Uu][Ll][Tt]|[Ii]-[Mm][Ii][Nn][Gg][Oo])$";

    private static String cvss3Pattern() {
        String metric = "(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]"
                + "|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])";
        return "(" + metric + "/)*" + metric + "$";
    }

    private FastChecks() {}

    /** The hand check for a schema pattern, or {@link #P_NONE}. */
    static int patternCode(String regex) {
        return switch (regex) {
            case "^[\\S](.*[\\S])?$" -> P_NO_OUTER_SPACE;
            case "^[^\\s\\-_\\.](.*[^\\s\\-_\\.])?$" -> P_NO_OUTER_SPACE_OR_PUNCT;
            case "^CVE-[0-9]{4}-[0-9]{4,}$" -> P_CVE;
            case "^CWE-[1-9]\\d{0,5}$" -> P_CWE;
            case "^[0-9a-fA-F]{32,}$" -> P_HEX32;
            default -> {
                if (regex.equals(CVSS30)) {
                    yield P_CVSS30;
                } else if (regex.equals(CVSS31)) {
                    yield P_CVSS31;
                } else if (regex.equals(VERSION)) {
                    yield P_VERSION;
                } else if (regex.equals(LANGUAGE)) {
                    yield P_LANGUAGE;
                } else if (regex.equals(CPE)) {
                    yield P_CPE;
                } else if (regex.equals(PURL)) {
                    yield P_PURL;
                }
                yield P_NONE;
            }
        };
    }

    /**
     * Whether {@code Pattern.compile(regex).matcher(s).find()} is true, for the pattern of {@code code}:
     * {@link #YES}, {@link #NO} or {@link #UNKNOWN} (a character outside ASCII, where Java's {@code .}, {@code \s}
     * and {@code $} have more cases than these checks model).
     */
    static int pattern(int code, String s) {
        // One pass: outside ASCII nothing is certain; without control characters there is no line terminator,
        // so '$' can only match at the end and '.' matches every character.
        boolean printable = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7F) {
                if (c >= 0x80) {
                    return UNKNOWN;
                }
                printable = false;
            } else if (c < 0x20) {
                printable = false;
            }
        }
        if (code == P_NO_OUTER_SPACE || code == P_NO_OUTER_SPACE_OR_PUNCT) {
            return trimmedLine(s, code == P_NO_OUTER_SPACE_OR_PUNCT);
        }
        if (!printable) {
            return UNKNOWN;
        }
        return switch (code) {
            case P_CVE -> answer(cve(s));
            case P_CWE -> answer(cwe(s));
            case P_HEX32 -> answer(s.length() >= 32 && allHex(s));
            case P_CVSS30 -> answer(cvss3(s, '0'));
            case P_CVSS31 -> answer(cvss3(s, '1'));
            case P_VERSION -> answer(Versions.isInteger(s) || Versions.isSemver(s));
            case P_LANGUAGE -> simpleLanguage(s) ? YES : UNKNOWN;
            case P_CPE -> plainCpe23(s) || plainCpe22(s) ? YES : UNKNOWN;
            case P_PURL -> answer(purl(s));
            default -> UNKNOWN;
        };
    }

    private static int answer(boolean b) {
        return b ? YES : NO;
    }

    /**
     * {@code ^[X](.*[X])?$} over ASCII, X being "not white space" (and, with {@code punct}, not '-', '_', '.').
     * The text must be c0 + M + E: c0 an X character; M empty or ending in an X character and without line
     * terminators ('.' does not match them); E empty or one final line terminator ("\n", "\r", "\r\n"), before
     * which {@code $} also matches.
     */
    private static int trimmedLine(String s, boolean punct) {
        int n = s.length();
        if (body(s, n, punct)) {
            return YES;
        }
        if (n >= 1 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r') && body(s, n - 1, punct)) {
            return YES;
        }
        if (n >= 2 && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n' && body(s, n - 2, punct)) {
            return YES;
        }
        return NO;
    }

    private static boolean body(String s, int end, boolean punct) {
        if (end == 0 || !edge(s.charAt(0), punct) || !edge(s.charAt(end - 1), punct)) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** An allowed first or last character: not in Java's ASCII {@code \s}, nor punctuation if asked. */
    private static boolean edge(char c, boolean punct) {
        if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
            return false;
        }
        return !punct || (c != '-' && c != '_' && c != '.');
    }

    private static boolean cve(String s) {
        int n = s.length();
        if (n < 13 || !s.startsWith("CVE-") || s.charAt(8) != '-') {
            return false;
        }
        return digits(s, 4, 8) && digits(s, 9, n);
    }

    private static boolean cwe(String s) {
        int n = s.length();
        return n >= 5 && n <= 10 && s.startsWith("CWE-") && s.charAt(4) >= '1' && s.charAt(4) <= '9' && digits(s, 5, n);
    }

    /** {@code CVSS:3.<minor>/} then one or more metrics separated by '/', each {@code KEY:LETTER}. */
    private static boolean cvss3(String s, char minor) {
        int n = s.length();
        if (n < 10 || !s.startsWith("CVSS:3.") || s.charAt(7) != minor || s.charAt(8) != '/') {
            return false;
        }
        int i = 9;
        while (true) {
            int end = s.indexOf('/', i);
            if (end < 0) {
                end = n;
            }
            if (end - i < 3 || s.charAt(end - 2) != ':') {
                return false;
            }
            int metric = Cvss3.METRICS.metric(s, i, end - 2);
            if (metric < 0 || !Cvss3.METRICS.hasValue(metric, s, end - 1, end)) {
                return false;
            }
            if (end == n) {
                return true;
            }
            i = end + 1;
        }
    }

    /** {@code pkg:} + a type ({@code [A-Za-z.+-][A-Za-z0-9.+-]*}) + '/' + at least one more character. */
    private static boolean purl(String s) {
        if (!s.startsWith("pkg:") || s.length() < 5 || !in(PURL_TYPE_START, s.charAt(4))) {
            return false;
        }
        int p = 5;
        while (p < s.length() && in(PURL_TYPE, s.charAt(p))) {
            p++;
        }
        return p + 1 < s.length() && s.charAt(p) == '/';
    }

    /**
     * The start of the CPE 2.3 alternative, which is anchored only at the start: {@code cpe:2.3:}, a part, then
     * ten components, each '*', '-' or a run of {@code [A-Za-z0-9._-]} (the sixth a language); whatever follows
     * the tenth does not matter. Quoted characters and wildcards are left to the regular expression.
     */
    private static boolean plainCpe23(String s) {
        if (!s.startsWith("cpe:2.3:") || s.length() < 9 || "aho*-".indexOf(s.charAt(8)) < 0) {
            return false;
        }
        int p = 9;
        for (int component = 1; component <= 10; component++) {
            if (p >= s.length() || s.charAt(p) != ':') {
                return false;
            }
            int start = ++p;
            while (p < s.length() && s.charAt(p) != ':') {
                p++;
            }
            boolean plain = component == 6 ? cpeLanguage(s, start, p) : cpeValue(s, start, p);
            if (!plain && !(p - start == 1 && (s.charAt(start) == '*' || s.charAt(start) == '-'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean cpeValue(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!in(CPE23_PLAIN, s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?}, exactly. */
    private static boolean cpeLanguage(String s, int from, int to) {
        int dash = s.indexOf('-', from);
        int language = dash < 0 || dash >= to ? to : dash;
        if (language - from < 2 || language - from > 3 || !letters(s, from, language)) {
            return false;
        }
        return language == to
                || (to - language == 3 && letters(s, language + 1, to))
                || (to - language == 4 && digits(s, language + 1, to));
    }

    /**
     * The whole text as the CPE 2.2 alternative ({@code c[pP][eE]:/[AHOaho]?(:[A-Za-z0-9._\-~%]*){0,6}$}),
     * which may match anywhere; matching from the start to the end is one way.
     */
    private static boolean plainCpe22(String s) {
        if (s.length() < 5
                || s.charAt(0) != 'c'
                || (s.charAt(1) != 'p' && s.charAt(1) != 'P')
                || (s.charAt(2) != 'e' && s.charAt(2) != 'E')
                || s.charAt(3) != ':'
                || s.charAt(4) != '/') {
            return false;
        }
        int p = 5;
        if (p < s.length() && "AHOaho".indexOf(s.charAt(p)) >= 0) {
            p++;
        }
        int groups = 0;
        while (p < s.length()) {
            if (s.charAt(p) != ':' || ++groups > 6) {
                return false;
            }
            p++;
            while (p < s.length() && in(CPE22_PLAIN, s.charAt(p))) {
                p++;
            }
        }
        return true;
    }

    /** Two or three letters, optionally followed by '-' and a two-letter region. */
    private static boolean simpleLanguage(String s) {
        int n = s.length();
        int language = n > 3 && s.charAt(n - 3) == '-' ? n - 3 : n;
        if (language < 2 || language > 3 || !letters(s, 0, language)) {
            return false;
        }
        return language == n || letters(s, language + 1, n);
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * True only for the plain RFC 3339 form {@code YYYY-MM-DDTHH:MM:SS[.F{1,9}](Z|+HH:MM|-HH:MM)} with a year from
     * 1000, a real calendar day, no leap second and an offset below 18 hours (not "-00:00"): the general check
     * accepts all of these. False means "ask the general check", not "invalid".
     */
    static boolean surelyDateTime(String s) {
        int n = s.length();
        if (n < 20 || n > 35) {
            return false;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return false;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 7);
        int day = num(s, 8, 10);
        int hour = num(s, 11, 13);
        int minute = num(s, 14, 16);
        int second = num(s, 17, 19);
        // num gives -1 for a non-digit, so each field needs its lower bound checked too.
        if (year < 1000
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return false;
        }
        int p = 19;
        if (s.charAt(p) == '.') {
            int start = ++p;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            if (p == start || p - start > 9) {
                return false;
            }
        }
        if (p == n - 1) {
            return s.charAt(p) == 'Z';
        }
        if (p != n - 6 || (s.charAt(p) != '+' && s.charAt(p) != '-') || s.charAt(p + 3) != ':') {
            return false;
        }
        int oh = num(s, p + 1, p + 3);
        int om = num(s, p + 4, p + 6);
        if (oh < 0 || oh > 17 || om < 0 || om > 59) {
            return false;
        }
        return !(s.charAt(p) == '-' && oh == 0 && om == 0);
    }

    /** The decimal number of digits from..to, or -1 if a character is not a digit. */
    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * True only for {@code scheme://host[:port][/path][?query][#fragment]} made of RFC 2396 characters that
     * {@link java.net.URI} accepts everywhere (letters, digits, {@code -_.!~*'();:@&=+$,/} and %-escapes; '?'
     * also in the query and fragment), which the general check accepts as an absolute URI. False means "ask the
     * general check".
     */
    static boolean surelyUri(String s) {
        int n = s.length();
        int p = 0;
        if (n == 0 || !letter(s.charAt(0))) {
            return false;
        }
        while (p < n && in(URI_SCHEME, s.charAt(p))) {
            p++;
        }
        if (!s.startsWith("://", p)) {
            return false;
        }
        p += 3;
        int host = p;
        while (p < n && in(URI_HOST, s.charAt(p))) {
            p++;
        }
        if (p == host || !letter(s.charAt(p - 1)) && !digit(s.charAt(p - 1))) {
            return false;
        }
        if (p < n && s.charAt(p) == ':') {
            int port = ++p;
            while (p < n && digit(s.charAt(p))) {
                p++;
            }
            if (p == port || p - port > 5) {
                return false;
            }
        }
        if (p < n && s.charAt(p) != '/' && s.charAt(p) != '?' && s.charAt(p) != '#') {
            return false;
        }
        boolean fragment = false;
        while (p < n) {
            char c = s.charAt(p);
            if (c == '%') {
                if (p + 2 >= n || !hex(s.charAt(p + 1)) || !hex(s.charAt(p + 2))) {
                    return false;
                }
                p += 3;
                continue;
            }
            if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (c != '?' // starts the query, or is a plain character in the query or fragment
                    && !in(URI_PLAIN, c)) {
                return false;
            }
            p++;
        }
        return true;
    }

    // Sets of ASCII characters as two 64-bit masks: one lookup per character instead of a chain of comparisons.
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    private static final long[] URI_SCHEME = chars(ALPHANUMERIC + "+-.");
    private static final long[] URI_HOST = chars(ALPHANUMERIC + "-.");
    private static final long[] URI_PLAIN = chars(ALPHANUMERIC + "-_.!~*'();:@&=+$,/");
    private static final long[] PURL_TYPE_START = chars(LETTERS + ".-+"); // the type does not start with a digit
    private static final long[] PURL_TYPE = chars(ALPHANUMERIC + ".-+");
    private static final long[] CPE23_PLAIN = chars(ALPHANUMERIC + "-._");
    private static final long[] CPE22_PLAIN = chars(ALPHANUMERIC + "._-~%");

    private static long[] chars(String all) {
        long[] set = new long[2];
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            set[c >> 6] |= 1L << c;
        }
        return set;
    }

    private static boolean in(long[] set, char c) {
        return c < 128 && (set[c >> 6] & (1L << c)) != 0;
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
