package org.koban.server.identity.web;

import jakarta.servlet.http.HttpSession;
import org.koban.server.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    // Set by the failure handler so that the form keeps the email that was typed.
    private static final String LAST_EMAIL = "koban.login.email";

    private final CurrentActor currentActor;

    LoginController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        if (currentActor.get().isPresent()) return "redirect:/";
        Object email = session.getAttribute(LAST_EMAIL);
        if (email != null) {
            model.addAttribute("email", email);
            session.removeAttribute(LAST_EMAIL);
        }
        return "identity/login";
    }
}
