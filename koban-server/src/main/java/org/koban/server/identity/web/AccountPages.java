package org.koban.server.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.identity.ApiTokens;
import org.koban.server.identity.IssuedApiToken;
import org.koban.server.identity.Users;
import org.koban.server.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: password, time zone and API tokens. */
@Controller
class AccountPages {

    private final Users users;
    private final ApiTokens tokens;
    private final Clock clock;

    AccountPages(Users users, ApiTokens tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("me", users.get(actor, actor.id()));
        model.addAttribute("tokens", tokens.listOwn(actor));
        model.addAttribute("now", clock.instant());
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            Actor actor,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw InvalidInputException.of("confirmPassword", "does not match the new password");
            }
            users.changeOwnPassword(actor, currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "Your password was changed.");
            return "redirect:/account";
        } catch (InvalidInputException e) {
            model.addAttribute("passwordProblems", e.problems());
            return account(actor, model);
        }
    }

    @PostMapping("/account/time-zone")
    String changeTimeZone(
            Actor actor,
            @RequestParam(defaultValue = "") String timeZone,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        return org.koban.server.shared.FormSubmission.run(
                () -> users.setOwnTimeZone(actor, timeZone),
                "Dates and times are now shown in your time zone.",
                "/account",
                redirect,
                response,
                problems -> {
                    model.addAttribute("zoneProblems", problems);
                    return account(actor, model);
                });
    }

    @PostMapping("/account/tokens")
    String issueToken(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable LocalDate expiresOn,
            Model model) {
        try {
            IssuedApiToken issued = tokens.issue(
                    actor,
                    name,
                    expiresOn == null
                            ? null
                            : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            model.addAttribute("issued", issued);
        } catch (InvalidInputException e) {
            model.addAttribute("tokenProblems", e.problems());
            model.addAttribute("tokenName", name);
        }
        return account(actor, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("notice", "The token was revoked.");
        return "redirect:/account";
    }
}
