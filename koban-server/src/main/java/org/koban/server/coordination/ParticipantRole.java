package org.koban.server.coordination;

/** The part an outside party plays on one case. */
public enum ParticipantRole {
    COORDINATOR("Coordinator"),
    CNA("CNA"),
    VENDOR("Affected vendor"),
    SUPPLIER("Supplier"),
    RESEARCHER("Researcher group");

    private final String label;

    ParticipantRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
