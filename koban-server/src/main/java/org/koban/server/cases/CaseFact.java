package org.koban.server.cases;

/**
 * The six facts of CERT/CC's coordination model (Vultron's case states), each recorded with its date. Koban
 * sets vendor aware, fix ready and fix deployed from the work itself; the others are recorded by the PSIRT.
 */
public enum CaseFact {
    VENDOR_AWARE("Vendor aware"),
    FIX_READY("Fix ready"),
    FIX_DEPLOYED("Fix deployed"),
    PUBLIC_AWARE("Public aware"),
    EXPLOIT_PUBLIC("Exploit public"),
    ATTACKS_OBSERVED("Attacks observed");

    private final String label;

    CaseFact(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
