package org.koban.server.intake;

/** Why a report was closed without a case (the typed reason the architecture asks for). */
public enum CloseReason {
    NOT_A_VULNERABILITY("Not a vulnerability"),
    OUT_OF_SCOPE("Out of scope"),
    NOT_REPRODUCIBLE("Not reproducible"),
    SPAM("Spam"),
    ALREADY_FIXED("Already fixed"),
    /** Forwarded to the vendor or coordinator it concerns; to whom is recorded with the decision. */
    OTHER_VENDOR("Other vendor");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
