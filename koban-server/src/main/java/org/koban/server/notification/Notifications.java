package org.koban.server.notification;

import org.koban.server.access.Actor;

/** Each person's own mail preferences. Mail to reporters is not subject to them. */
public interface Notifications {

    NotificationPreferences preferences(Actor actor);

    /** Replaces all of the actor's preferences; every field is required. Audited. */
    NotificationPreferences updatePreferences(Actor actor, NotificationPreferences preferences);
}
