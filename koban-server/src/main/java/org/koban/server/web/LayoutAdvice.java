package org.koban.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Permissions;
import org.koban.server.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page its navigation and the current path, for the menu's highlight. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final CurrentActor currentActor;
    private final Permissions permissions;

    LayoutAdvice(CurrentActor currentActor, Permissions permissions) {
        this.currentActor = currentActor;
        this.permissions = permissions;
    }

    @ModelAttribute("nav")
    @Nullable
    Navigation navigation() {
        return currentActor
                .get()
                .map(actor -> Navigation.of(actor, permissions))
                .orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
