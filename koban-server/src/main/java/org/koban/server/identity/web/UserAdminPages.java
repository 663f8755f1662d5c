package org.koban.server.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.access.Role;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.organisation.Organisation;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration: admins create users, set roles and production lines, unlock accounts. */
@Controller
class UserAdminPages {

    /** The user form as typed; kept whole when it is shown again with problems. */
    public record UserForm(
            @Nullable String email,
            @Nullable String displayName,
            @Nullable String password,
            @Nullable Set<Role> roles,
            @Nullable Set<UUID> lineIds,
            @Nullable Boolean enabled) {

        // An unticked checkbox sends nothing, so a missing "enabled" means disabled.
        UserCommand command() {
            return new UserCommand(email, displayName, password, roles, lineIds, Boolean.TRUE.equals(enabled));
        }

        static UserForm of(UserView user) {
            return new UserForm(user.email(), user.displayName(), "", user.roles(), user.lineIds(), user.enabled());
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role);
        }

        public boolean hasLine(UUID lineId) {
            return lineIds != null && lineIds.contains(lineId);
        }
    }

    private final Users users;
    private final Organisation organisation;
    private final Permissions permissions;

    UserAdminPages(Users users, Organisation organisation, Permissions permissions) {
        this.users = users;
        this.organisation = organisation;
        this.permissions = permissions;
    }

    @GetMapping("/admin/users")
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(q, page, size);
        model.addAttribute("q", query.search());
        model.addAttribute("users", users.list(actor, query));
        model.addAttribute("canManage", permissions.can(actor, Action.USER_MANAGE));
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Actor actor, Model model) {
        permissions.check(actor, Action.USER_MANAGE);
        return form(actor, model, null, new UserForm("", "", "", EnumSet.noneOf(Role.class), Set.of(), true));
    }

    @PostMapping("/admin/users/new")
    String create(Actor actor, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            UserView user = users.create(actor, form.command());
            redirect.addFlashAttribute("notice", "User " + user.email() + " created.");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return form(actor, model, null, form);
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        permissions.check(actor, Action.USER_MANAGE);
        UserView user = users.get(actor, id);
        model.addAttribute("user", user);
        return form(actor, model, id, UserForm.of(user));
    }

    @PostMapping("/admin/users/{id}")
    String update(Actor actor, @PathVariable UUID id, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            users.update(actor, id, form.command());
            redirect.addFlashAttribute("notice", "User saved.");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("user", users.get(actor, id));
            return form(actor, model, id, form);
        }
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        users.unlock(actor, id);
        redirect.addFlashAttribute("notice", "The account was unlocked.");
        return "redirect:/admin/users";
    }

    private String form(Actor actor, Model model, @Nullable UUID userId, UserForm form) {
        model.addAttribute("userId", userId);
        model.addAttribute("form", form);
        // Outside participants join by invitation; the role is shown only on such a person's own form.
        model.addAttribute(
                "allRoles",
                java.util.Arrays.stream(Role.values())
                        .filter(role -> role != Role.PARTICIPANT || form.hasRole(Role.PARTICIPANT))
                        .toList());
        model.addAttribute("allLines", organisation.visibleLines(actor));
        return "identity/user-form";
    }
}
