package org.koban.server.coordination;

/** A participant's answer for one vulnerability; every participant starts with "no response yet". */
public enum ParticipantStatus {
    NO_RESPONSE("No response yet"),
    UNDER_INVESTIGATION("Under investigation"),
    AFFECTED("Affected"),
    NOT_AFFECTED("Not affected");

    private final String label;

    ParticipantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
