package org.koban.server.scoring;

/**
 * The CVSS versions Koban scores. v3.0 is refused on purpose: its scores differ from v3.1's in rounding and
 * FIRST superseded it in 2019, so a v3.0 vector must be re-scored as v3.1. v2 is not supported.
 */
public enum CvssVersion {
    V3_1("3.1"),
    V4_0("4.0");

    private final String label;

    CvssVersion(String label) {
        this.label = label;
    }

    /** As written in the vector's prefix and in FIRST's JSON ({@code "3.1"}, {@code "4.0"}). */
    public String label() {
        return label;
    }

    /** The vector prefix, e.g. {@code CVSS:3.1/}. */
    public String prefix() {
        return "CVSS:" + label + "/";
    }
}
