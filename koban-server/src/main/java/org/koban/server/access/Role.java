package org.koban.server.access;

/** The roles of people inside the organisation running Koban. */
public enum Role {
    /** Organisation structure, users, configuration. */
    ADMIN("Admin"),
    /** Policies, approvals, metrics; maintains the catalogue. */
    PSIRT_MANAGER("PSIRT manager"),
    /** Triage, cases, scoring, coordination, advisories. */
    PSIRT_ANALYST("PSIRT analyst"),
    /** Works on the production lines they are a member of, and sees nothing of other lines. */
    LINE_ENGINEER("Production-line engineer"),
    /** Reads what concerns the lines they are a member of; changes nothing. */
    VIEWER("Viewer"),
    /**
     * A person of an outside party (a coordinator, CNA, vendor, supplier) who joined by invitation: sees only
     * what cases share with their party, on the participant portal, and nothing of Koban's inside.
     */
    PARTICIPANT("Outside participant");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this role works within line memberships rather than across the organisation. */
    public boolean isLineScoped() {
        return this == LINE_ENGINEER || this == VIEWER;
    }

    /** Whether this role works within a party membership (outside participants). */
    public boolean isPartyScoped() {
        return this == PARTICIPANT;
    }
}
