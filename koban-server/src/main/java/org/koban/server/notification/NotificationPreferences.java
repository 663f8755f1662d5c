package org.koban.server.notification;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which kinds of mail a user receives. In a change every field is required: a missing one is refused
 * rather than read as "off", so that a partial request cannot silently stop someone's mail.
 */
public record NotificationPreferences(
        @Nullable Boolean newReports,
        @Nullable Boolean reporterReplies,
        @Nullable Boolean taskAssignments,
        @Nullable Boolean slaWarnings,
        @Nullable Boolean slaBreaches,
        @Nullable Boolean participantReplies) {

    public static NotificationPreferences allExcept(Set<Topic> off) {
        return new NotificationPreferences(
                !off.contains(Topic.NEW_REPORTS),
                !off.contains(Topic.REPORTER_REPLIES),
                !off.contains(Topic.TASK_ASSIGNMENTS),
                !off.contains(Topic.SLA_WARNINGS),
                !off.contains(Topic.SLA_BREACHES),
                !off.contains(Topic.PARTICIPANT_REPLIES));
    }

    public @Nullable Boolean wants(Topic topic) {
        return switch (topic) {
            case NEW_REPORTS -> newReports;
            case REPORTER_REPLIES -> reporterReplies;
            case TASK_ASSIGNMENTS -> taskAssignments;
            case SLA_WARNINGS -> slaWarnings;
            case SLA_BREACHES -> slaBreaches;
            case PARTICIPANT_REPLIES -> participantReplies;
        };
    }

    /** The topics turned off; a missing answer counts as on (use only after validation). */
    public Set<Topic> off() {
        Set<Topic> off = EnumSet.noneOf(Topic.class);
        for (Topic topic : Topic.values()) {
            if (Boolean.FALSE.equals(wants(topic))) off.add(topic);
        }
        return off;
    }
}
