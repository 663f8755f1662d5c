package org.koban.csaf;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Integer and semantic versioning as section 3.1.11 defines them ({@code version_t}). */
final class Versions {
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private Versions() {}

    /** {@code 0|[1-9][0-9]*}, by hand: asked for every version and revision number. */
    static boolean isInteger(String v) {
        if (v == null || v.isEmpty() || (v.charAt(0) == '0' && v.length() > 1)) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isSemver(String v) {
        return v != null && SEMVER.matcher(v).matches();
    }

    /** The major version of an integer or semantic version, or null if the value is neither. */
    static BigInteger major(String v) {
        if (isInteger(v)) {
            return new BigInteger(v);
        }
        Matcher m = v == null ? null : SEMVER.matcher(v);
        return m != null && m.matches() ? new BigInteger(m.group(1)) : null;
    }

    static boolean hasPreRelease(String v) {
        if (v == null || isInteger(v)) {
            return false; // integer versioning has no pre-release part
        }
        Matcher m = v == null ? null : SEMVER.matcher(v);
        return m != null && m.matches() && m.group(4) != null;
    }

    static boolean hasBuildMetadata(String v) {
        Matcher m = v == null ? null : SEMVER.matcher(v);
        return m != null && m.matches() && m.group(5) != null;
    }

    /** {@code 0} or {@code 0.y.z} (with any pre-release or build part). */
    static boolean isZero(String v) {
        BigInteger major = major(v);
        return major != null && major.signum() == 0;
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
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        Matcher ma = a == null ? null : SEMVER.matcher(a);
        Matcher mb = b == null ? null : SEMVER.matcher(b);
        boolean aSem = ma != null && ma.matches();
        boolean bSem = mb != null && mb.matches();
        if (!aSem || !bSem) {
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
        for (int i = 1; i <= 3; i++) {
            int c = new BigInteger(ma.group(i)).compareTo(new BigInteger(mb.group(i)));
            if (c != 0) {
                return c;
            }
        }
        String pa = ma.group(4);
        String pb = mb.group(4);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = isInteger(ia[i]);
            boolean nb = isInteger(ib[i]);
            int c;
            if (na && nb) {
                c = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
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
}
