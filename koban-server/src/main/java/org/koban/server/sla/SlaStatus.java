package org.koban.server.sla;

/** Where one SLA clock stands. */
public enum SlaStatus {
    ON_TRACK("On track"),
    WARNING("Due soon"),
    BREACHED("Overdue"),
    MET("Met"),
    MET_LATE("Met late"),
    /** Stopped while the PSIRT waits for the reporter's answer. */
    PAUSED("Paused");

    private final String label;

    SlaStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A CSS class name for the badge. */
    public String css() {
        return "sla-" + name().toLowerCase().replace('_', '-');
    }

    public boolean isOpen() {
        return this == ON_TRACK || this == WARNING || this == BREACHED || this == PAUSED;
    }
}
