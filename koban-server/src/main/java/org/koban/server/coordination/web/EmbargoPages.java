package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.coordination.Embargoes;
import org.koban.server.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The embargo page of a case. */
@Controller
class EmbargoPages {

    private final Embargoes embargoes;
    private final CaseTimeline cases;
    private final Permissions permissions;

    EmbargoPages(Embargoes embargoes, CaseTimeline cases, Permissions permissions) {
        this.embargoes = embargoes;
        this.cases = cases;
        this.permissions = permissions;
    }

    @GetMapping("/cases/{caseId}/embargo")
    String show(Actor actor, @PathVariable UUID caseId, Model model) {
        return page(actor, caseId, model, List.of());
    }

    private String page(Actor actor, UUID caseId, Model model, List<InvalidInputException.Problem> problems) {
        model.addAttribute("embargo", embargoes.get(actor, caseId));
        model.addAttribute("reference", cases.reference(caseId));
        model.addAttribute("canManage", permissions.can(actor, Action.CASE_MANAGE));
        model.addAttribute("problems", problems);
        model.addAttribute("zones", List.of("UTC", "Asia/Tokyo", "Asia/Taipei", "Europe/Berlin", "America/New_York"));
        model.addAttribute("utc", ZoneId.of("UTC"));
        return "coordination/embargo";
    }

    @PostMapping("/cases/{caseId}/embargo/{step}")
    String step(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String end,
            @RequestParam(required = false) @Nullable String timeZone,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Supplier<?> action = switch (step) {
            case "proposal" -> () -> embargoes.propose(actor, caseId, dateTime(end), timeZone);
            case "acceptance" -> () -> embargoes.accept(actor, caseId);
            case "rejection" -> () -> embargoes.reject(actor, caseId);
            case "revision" -> () -> embargoes.revise(actor, caseId, dateTime(end), timeZone);
            case "end" -> () -> embargoes.end(actor, caseId, reason);
            default -> throw new org.koban.server.shared.NotFoundException("Embargo step", step);
        };
        try {
            action.get();
            redirect.addFlashAttribute("notice", "Embargo updated.");
            return "redirect:/cases/" + caseId + "/embargo";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(actor, caseId, model, e.problems());
        }
    }

    private static @Nullable LocalDateTime dateTime(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("end", "must be a date and time, e.g. 2026-12-24T09:00");
        }
    }
}
