package org.koban.server.cases;

/** A product version's status for one vulnerability, in CSAF's words (product_status), so advisories project it. */
public enum VersionStatus {
    UNDER_INVESTIGATION("Under investigation"),
    KNOWN_AFFECTED("Known affected"),
    KNOWN_NOT_AFFECTED("Known not affected"),
    FIXED("Fixed");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSAF product_status key, e.g. {@code known_affected}. */
    public String csaf() {
        return name().toLowerCase();
    }
}
