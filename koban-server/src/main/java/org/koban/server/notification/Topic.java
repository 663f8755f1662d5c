package org.koban.server.notification;

/** The kinds of mail a user may turn off for themselves. All are on until the user says otherwise. */
public enum Topic {
    NEW_REPORTS("New reports", "A vulnerability report arrived (PSIRT team)."),
    REPORTER_REPLIES("Reporter replies", "A reporter wrote or added files through their tracking link (PSIRT team)."),
    PARTICIPANT_REPLIES(
            "Participant replies", "An outside participant answered, wrote or uploaded on the portal (PSIRT team)."),
    TASK_ASSIGNMENTS("Remediation tasks", "A remediation task was assigned to one of your production lines."),
    SLA_WARNINGS("SLA warnings", "A target you are responsible for is near."),
    SLA_BREACHES("SLA breaches", "A target you are responsible for has passed.");

    private final String label;
    private final String description;

    Topic(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
