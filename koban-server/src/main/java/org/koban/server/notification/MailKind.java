package org.koban.server.notification;

import org.jspecify.annotations.Nullable;

/** What a mail is about, and which preference (if any) lets a user turn it off. */
public enum MailKind {
    /** To the reporter: we received your report, here is your tracking link. */
    REPORT_ACKNOWLEDGEMENT(null),
    /** To the reporter: a message or a decision about their report. */
    REPORTER_MESSAGE(null),
    /** To an outside participant (a contact of a party): a case awaits their answer. */
    PARTICIPANT_REMINDER(null),
    /** To an outside participant's party: an invitation to the portal, or something new for them there. */
    PARTICIPANT_NOTICE(null),
    /** To the PSIRT team: a case's embargo ended, with why (always sent: it may mean publishing now). */
    EMBARGO_ENDED(null),
    /** To the PSIRT team: a participant answered, wrote or uploaded on the portal. */
    PARTICIPANT_REPLY(Topic.PARTICIPANT_REPLIES),
    /** To the PSIRT team: a report arrived. */
    NEW_REPORT(Topic.NEW_REPORTS),
    /** To the PSIRT team: the reporter wrote through the tracking link. */
    REPORTER_REPLY(Topic.REPORTER_REPLIES),
    /** To a line's engineers: a remediation task was assigned to their line. */
    TASK_ASSIGNED(Topic.TASK_ASSIGNMENTS),
    SLA_WARNING(Topic.SLA_WARNINGS),
    SLA_BREACH(Topic.SLA_BREACHES);

    private final @Nullable Topic topic;

    MailKind(@Nullable Topic topic) {
        this.topic = topic;
    }

    /** The preference that governs this kind; {@code null} for mail to reporters, which always goes out. */
    public @Nullable Topic topic() {
        return topic;
    }
}
