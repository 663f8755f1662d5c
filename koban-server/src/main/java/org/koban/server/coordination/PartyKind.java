package org.koban.server.coordination;

/** What an outside party is to us. */
public enum PartyKind {
    /** A national CERT or coordination centre, e.g. JPCERT/CC, TWCERT/CC, CERT/CC. */
    COORDINATOR("Coordinator"),
    /** A CVE Numbering Authority. */
    CNA("CVE Numbering Authority"),
    VENDOR("Vendor"),
    SUPPLIER("Supplier"),
    RESEARCHER_GROUP("Researcher group");

    private final String label;

    PartyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
