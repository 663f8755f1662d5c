package org.koban.csaf;

import java.math.BigInteger;

/** Integer and semantic versioning as section 3.1.11 defines them ({@code version_t}). */
final class Versions {
    private Versions() {}

    /**
     * A semantic version split into its parts, as the regular expression of {@code version_t} would capture them:
     * major, minor and patch ({@code 0|[1-9]\d*}), the pre-release (dot-separated identifiers, each {@code 0},
     * {@code [1-9]\d*} or containing a non-digit) and the build metadata (dot-separated non-empty identifiers),
     * both null when absent. Parsed by hand: the tests ask for every revision number several times, and matching
     * the regular expression was about half of those tests' time. {@code VersionsUnitTest} compares it with the
     * regular expression.
     */
    record Semver(String major, String minor, String patch, String preRelease, String build) {}

    /** The parts of {@code v} if it is a semantic version (the whole text), else null. */
    static Semver semver(String v) {
        if (v == null) {
            return null;
        }
        int majorEnd = number(v, 0);
        if (majorEnd < 0 || !at(v, majorEnd, '.')) {
            return null;
        }
        int minorEnd = number(v, majorEnd + 1);
        if (minorEnd < 0 || !at(v, minorEnd, '.')) {
            return null;
        }
        int patchEnd = number(v, minorEnd + 1);
        if (patchEnd < 0) {
            return null;
        }
        int n = v.length();
        int p = patchEnd;
        String pre = null;
        if (at(v, p, '-')) {
            int end = identifiers(v, p + 1, true);
            if (end < 0) {
                return null;
            }
            pre = v.substring(p + 1, end);
            p = end;
        }
        String build = null;
        if (at(v, p, '+')) {
            int end = identifiers(v, p + 1, false);
            if (end != n) {
                return null;
            }
            build = v.substring(p + 1, end);
            p = end;
        }
        if (p != n) {
            return null;
        }
        return new Semver(
                v.substring(0, majorEnd),
                v.substring(majorEnd + 1, minorEnd),
                v.substring(minorEnd + 1, patchEnd),
                pre,
                build);
    }

    private static boolean at(String v, int p, char c) {
        return p < v.length() && v.charAt(p) == c;
    }

    /** The end of {@code 0|[1-9][0-9]*} starting at {@code p}, or -1. */
    private static int number(String v, int p) {
        int n = v.length();
        if (p >= n) {
            return -1;
        }
        char c = v.charAt(p);
        if (c == '0') {
            return p + 1;
        }
        if (c < '1' || c > '9') {
            return -1;
        }
        p++;
        while (p < n && digit(v.charAt(p))) {
            p++;
        }
        return p;
    }

    /**
     * The end of one or more dot-separated identifiers of {@code [0-9A-Za-z-]} starting at {@code p} (stopping
     * at any other character), or -1 if one is empty or, for pre-release identifiers, numeric with a leading zero.
     */
    private static int identifiers(String v, int p, boolean preRelease) {
        int n = v.length();
        while (true) {
            int start = p;
            boolean numeric = true;
            while (p < n && identifierChar(v.charAt(p))) {
                numeric &= digit(v.charAt(p));
                p++;
            }
            if (p == start || (preRelease && numeric && p - start > 1 && v.charAt(start) == '0')) {
                return -1;
            }
            if (!at(v, p, '.')) {
                return p;
            }
            p++;
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean identifierChar(char c) {
        return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    /** {@code 0|[1-9][0-9]*}, by hand: asked for every version and revision number. */
    static boolean isInteger(String v) {
        return v != null && number(v, 0) == v.length();
    }

    static boolean isSemver(String v) {
        return semver(v) != null;
    }

    /** The major version of an integer or semantic version, or null if the value is neither. */
    static BigInteger major(String v) {
        if (isInteger(v)) {
            return new BigInteger(v);
        }
        Semver s = semver(v);
        return s == null ? null : new BigInteger(s.major());
    }

    static boolean hasPreRelease(String v) {
        if (v == null || isInteger(v)) {
            return false; // integer versioning has no pre-release part
        }
        Semver s = semver(v);
        return s != null && s.preRelease() != null;
    }

    static boolean hasBuildMetadata(String v) {
        Semver s = semver(v);
        return s != null && s.build() != null;
    }

    /** {@code 0} or {@code 0.y.z} (with any pre-release or build part). */
    static boolean isZero(String v) {
        if (isInteger(v)) {
            return v.equals("0");
        }
        Semver s = semver(v);
        return s != null && s.major().equals("0");
    }

    static String withoutBuild(String v) {
        int plus = v.indexOf('+');
        return plus < 0 ? v : v.substring(0, plus);
    }

    static String withoutPreRelease(String v) {
        String core = withoutBuild(v);
        int dash = core.indexOf('-');
        return dash < 0 ? core : core.substring(0, dash);
    }

    /**
     * Precedence as in Semantic Versioning 2.0.0 section 11 (build metadata ignored); integers numerically.
     * Values that are not versions sort after versions, by text, so that sorting never throws.
     */
    static int compare(String a, String b) {
        boolean aInt = isInteger(a);
        boolean bInt = isInteger(b);
        if (aInt && bInt) {
            return compareNumbers(a, b);
        }
        Semver sa = semver(a);
        Semver sb = semver(b);
        if (sa == null || sb == null) {
            // Mixed integer/semantic (test 6.1.30's failure) compare by major version, then text.
            BigInteger majorA = major(a);
            BigInteger majorB = major(b);
            if (majorA != null && majorB != null) {
                int c = majorA.compareTo(majorB);
                return c != 0 ? c : String.valueOf(a).compareTo(String.valueOf(b));
            }
            if (majorA != null) {
                return -1;
            }
            if (majorB != null) {
                return 1;
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
        int c = compareNumbers(sa.major(), sb.major());
        if (c == 0) {
            c = compareNumbers(sa.minor(), sb.minor());
        }
        if (c == 0) {
            c = compareNumbers(sa.patch(), sb.patch());
        }
        if (c != 0) {
            return c;
        }
        String pa = sa.preRelease();
        String pb = sb.preRelease();
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = isInteger(ia[i]);
            boolean nb = isInteger(ib[i]);
            if (na && nb) {
                c = compareNumbers(ia[i], ib[i]);
            } else if (na != nb) {
                c = na ? -1 : 1;
            } else {
                c = ia[i].compareTo(ib[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ia.length, ib.length);
    }

    /** Two numbers without leading zeros (any length): the longer is larger, else by text. */
    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
