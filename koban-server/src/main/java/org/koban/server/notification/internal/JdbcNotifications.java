package org.koban.server.notification.internal;

import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.notification.NotificationPreferences;
import org.koban.server.notification.Notifications;
import org.koban.server.notification.Topic;
import org.koban.server.shared.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcNotifications implements Notifications {

    private final OptOutRecords optOuts;
    private final Permissions permissions;
    private final AuditLog audit;

    JdbcNotifications(OptOutRecords optOuts, Permissions permissions, AuditLog audit) {
        this.optOuts = optOuts;
        this.permissions = permissions;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationPreferences preferences(Actor actor) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        return NotificationPreferences.allExcept(optOuts.off(actor.id()));
    }

    @Override
    @Transactional
    public NotificationPreferences updatePreferences(Actor actor, NotificationPreferences preferences) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        var v = new Validation();
        for (Topic topic : Topic.values()) {
            if (preferences.wants(topic) == null) v.reject(field(topic), "is required (true or false)");
        }
        v.throwIfInvalid();
        NotificationPreferences before = NotificationPreferences.allExcept(optOuts.off(actor.id()));
        optOuts.replace(actor.id(), preferences.off());
        NotificationPreferences after = NotificationPreferences.allExcept(optOuts.off(actor.id()));
        if (!after.equals(before)) {
            audit.record(actor, "notification-preferences.updated", "user", actor.id(), before, after);
        }
        return after;
    }

    /** The JSON field of a topic, for error messages that point at what the client sent. */
    static String field(Topic topic) {
        return switch (topic) {
            case NEW_REPORTS -> "newReports";
            case REPORTER_REPLIES -> "reporterReplies";
            case TASK_ASSIGNMENTS -> "taskAssignments";
            case SLA_WARNINGS -> "slaWarnings";
            case SLA_BREACHES -> "slaBreaches";
            case PARTICIPANT_REPLIES -> "participantReplies";
        };
    }
}
