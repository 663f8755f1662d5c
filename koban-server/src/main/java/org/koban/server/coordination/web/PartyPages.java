package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyContact;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.PartyView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The parties directory pages. The form takes contacts one per line: "Name <email> (role)". */
@Controller
class PartyPages {

    private final Parties parties;
    private final Permissions permissions;

    PartyPages(Parties parties, Permissions permissions) {
        this.parties = parties;
        this.permissions = permissions;
    }

    @GetMapping("/parties")
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var query = PageQuery.of(q, page, null);
        model.addAttribute("page", parties.list(actor, query, PartyApi.kind(kind)));
        model.addAttribute("q", query.search());
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("kinds", PartyKind.values());
        model.addAttribute("canManage", permissions.can(actor, Action.PARTY_MANAGE));
        return "coordination/parties";
    }

    @GetMapping("/parties/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("party", parties.get(actor, id));
        model.addAttribute("canManage", permissions.can(actor, Action.PARTY_MANAGE));
        return "coordination/party";
    }

    @GetMapping("/parties/new")
    String newParty(Actor actor, Model model) {
        permissions.check(actor, Action.PARTY_MANAGE);
        return form(model, null, new PartyForm("", "COORDINATOR", "", "", "", "", "", ""), List.of());
    }

    @GetMapping("/parties/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        permissions.check(actor, Action.PARTY_MANAGE);
        return form(model, id, PartyForm.of(parties.get(actor, id)), List.of());
    }

    @PostMapping({"/parties/new", "/parties/{id}/edit"})
    String save(
            Actor actor,
            @PathVariable(required = false) @Nullable UUID id,
            PartyForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            PartyView saved =
                    id == null ? parties.create(actor, form.toCommand()) : parties.update(actor, id, form.toCommand());
            redirect.addFlashAttribute("notice", "Saved " + saved.name() + ".");
            return "redirect:/parties/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, id, form, e.problems());
        }
    }

    @PostMapping("/parties/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        parties.delete(actor, id);
        redirect.addFlashAttribute("notice", "Party removed.");
        return "redirect:/parties";
    }

    private String form(Model model, @Nullable UUID id, PartyForm form, List<InvalidInputException.Problem> problems) {
        model.addAttribute("partyId", id);
        model.addAttribute("form", form);
        model.addAttribute("kinds", PartyKind.values());
        model.addAttribute("problems", problems);
        return "coordination/party-form";
    }

    /** What the form posts; kept as typed so that a refused form shows it again. */
    record PartyForm(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String country,
            @Nullable String website,
            @Nullable String securityTxt,
            @Nullable String contacts,
            @Nullable String pgpKey,
            @Nullable String notes) {

        static PartyForm of(PartyView p) {
            StringBuilder contacts = new StringBuilder();
            for (PartyContact c : p.contacts()) {
                if (c.name() != null) contacts.append(c.name());
                if (c.email() != null)
                    contacts.append(c.name() == null ? "" : " ")
                            .append('<')
                            .append(c.email())
                            .append('>');
                if (c.role() != null) contacts.append(" (").append(c.role()).append(')');
                contacts.append('\n');
            }
            return new PartyForm(
                    p.name(),
                    p.kind().name(),
                    p.country(),
                    p.website(),
                    p.securityTxt(),
                    contacts.toString(),
                    p.pgpKey(),
                    p.notes());
        }

        PartyCommand toCommand() {
            PartyKind parsed;
            try {
                parsed = kind == null || kind.isBlank() ? null : PartyKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
            return new PartyCommand(name, parsed, country, website, securityTxt, contactLines(contacts), pgpKey, notes);
        }

        /** "Name <email> (role)", each part optional; one contact per line. */
        static List<PartyContact> contactLines(@Nullable String text) {
            List<PartyContact> result = new ArrayList<>();
            if (text == null) return result;
            for (String line : text.split("\\R")) {
                String rest = line.strip();
                if (rest.isEmpty()) continue;
                String role = null;
                if (rest.endsWith(")") && rest.contains("(")) {
                    role = rest.substring(rest.lastIndexOf('(') + 1, rest.length() - 1)
                            .strip();
                    rest = rest.substring(0, rest.lastIndexOf('(')).strip();
                }
                String email = null;
                int open = rest.indexOf('<');
                if (open >= 0 && rest.endsWith(">")) {
                    email = rest.substring(open + 1, rest.length() - 1).strip();
                    rest = rest.substring(0, open).strip();
                } else if (rest.contains("@") && !rest.contains(" ")) {
                    email = rest;
                    rest = "";
                }
                result.add(new PartyContact(
                        rest.isEmpty() ? null : rest, email, role == null || role.isEmpty() ? null : role));
            }
            return result;
        }
    }
}
