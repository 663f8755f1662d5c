package org.koban.server.notification.web;

import java.util.Set;
import org.koban.server.access.Actor;
import org.koban.server.notification.NotificationPreferences;
import org.koban.server.notification.Notifications;
import org.koban.server.notification.Topic;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/notifications}: one checkbox per kind of mail. */
@Controller
class PreferencesPages {

    private final Notifications notifications;

    PreferencesPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/account/notifications")
    String show(Actor actor, Model model) {
        NotificationPreferences preferences = notifications.preferences(actor);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("off", preferences.off());
        return "notification/preferences";
    }

    /** An unticked checkbox sends nothing, so the topics sent are exactly those the person wants. */
    @PostMapping("/account/notifications")
    String save(
            Actor actor,
            @RequestParam(name = "topic", defaultValue = "") Set<Topic> wanted,
            RedirectAttributes redirect) {
        var off = java.util.EnumSet.allOf(Topic.class);
        off.removeAll(wanted);
        notifications.updatePreferences(actor, NotificationPreferences.allExcept(off));
        redirect.addFlashAttribute("notice", "Your mail preferences were saved.");
        return "redirect:/account/notifications";
    }
}
