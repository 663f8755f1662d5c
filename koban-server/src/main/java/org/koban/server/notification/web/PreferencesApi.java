package org.koban.server.notification.web;

import org.koban.server.access.Actor;
import org.koban.server.notification.NotificationPreferences;
import org.koban.server.notification.Notifications;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own mail preferences. */
@RestController
class PreferencesApi {

    private final Notifications notifications;

    PreferencesApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/me/notification-preferences")
    NotificationPreferences get(Actor actor) {
        return notifications.preferences(actor);
    }

    @PutMapping("/api/v1/me/notification-preferences")
    NotificationPreferences put(Actor actor, @RequestBody NotificationPreferences preferences) {
        return notifications.updatePreferences(actor, preferences);
    }
}
