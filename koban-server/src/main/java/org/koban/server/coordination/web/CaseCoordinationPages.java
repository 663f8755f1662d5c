package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.coordination.Embargoes;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.ParticipantStatus;
import org.koban.server.coordination.Participants;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.Recognitions;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's coordination page: its participants and its embargo. */
@Controller
class CaseCoordinationPages {

    private final Participants participants;
    private final Parties parties;
    private final Recognitions recognitions;

    private final Embargoes embargoes;
    private final CaseTimeline cases;
    private final Permissions permissions;

    CaseCoordinationPages(
            Embargoes embargoes,
            CaseTimeline cases,
            Permissions permissions,
            Participants participants,
            Parties parties,
            Recognitions recognitions) {
        this.recognitions = recognitions;
        this.participants = participants;
        this.parties = parties;
        this.embargoes = embargoes;
        this.cases = cases;
        this.permissions = permissions;
    }

    @GetMapping("/cases/{caseId}/coordination")
    String show(Actor actor, @PathVariable UUID caseId, Model model) {
        return page(actor, caseId, model, List.of());
    }

    @GetMapping("/cases/{caseId}/embargo")
    String embargo(@PathVariable UUID caseId) {
        return "redirect:/cases/" + caseId + "/coordination";
    }

    private String page(Actor actor, UUID caseId, Model model, List<InvalidInputException.Problem> problems) {
        model.addAttribute("embargo", embargoes.get(actor, caseId));
        model.addAttribute("participants", participants.list(actor, caseId));
        model.addAttribute("recognitions", recognitions.list(actor, caseId));
        model.addAttribute("roles", ParticipantRole.values());
        model.addAttribute("answerStatuses", ParticipantStatus.values());
        if (permissions.can(actor, Action.CASE_MANAGE)) {
            model.addAttribute(
                    "directory",
                    parties.list(actor, PageQuery.of(null, 0, 200), null).items());
        }
        model.addAttribute("reference", cases.reference(caseId));
        model.addAttribute("canManage", permissions.can(actor, Action.CASE_MANAGE));
        model.addAttribute("problems", problems);
        model.addAttribute("zones", List.of("UTC", "Asia/Tokyo", "Asia/Taipei", "Europe/Berlin", "America/New_York"));
        return "coordination/case";
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
        Runnable action = switch (step) {
            case "proposal" -> () -> embargoes.propose(actor, caseId, dateTime(end), timeZone);
            case "acceptance" -> () -> embargoes.accept(actor, caseId);
            case "rejection" -> () -> embargoes.reject(actor, caseId);
            case "revision" -> () -> embargoes.revise(actor, caseId, dateTime(end), timeZone);
            case "end" -> () -> embargoes.end(actor, caseId, reason);
            default -> throw new org.koban.server.shared.NotFoundException("Embargo step", step);
        };
        return act(actor, caseId, model, response, redirect, "Embargo updated.", action);
    }

    @PostMapping("/cases/{caseId}/embargo/responses/{participantId}")
    String respond(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "false") boolean accepted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                "Answer recorded.",
                () -> embargoes.respond(actor, caseId, participantId, accepted));
    }

    @PostMapping("/cases/{caseId}/participants")
    String addParticipant(
            Actor actor,
            @PathVariable UUID caseId,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String theirReference,
            @RequestParam(required = false) @Nullable String firstContacted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, caseId, model, response, redirect, "Participant added.", () -> {
            if (partyId == null) throw InvalidInputException.of("partyId", "pick a party from the directory");
            participants.add(
                    actor, caseId, partyId, ParticipantApi.role(role), theirReference, instant(firstContacted));
        });
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/answers")
    String answer(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(required = false) @Nullable UUID vulnerabilityId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String statement,
            @RequestParam(required = false) @Nullable String references,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, caseId, model, response, redirect, "Answer recorded.", () -> {
            if (vulnerabilityId == null) throw InvalidInputException.of("vulnerabilityId", "is required");
            participants.answer(
                    actor,
                    caseId,
                    participantId,
                    vulnerabilityId,
                    ParticipantApi.status(status),
                    statement,
                    references == null ? List.of() : List.of(references.split("\\R")));
        });
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/reminders")
    String reminders(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(required = false) @Nullable Integer days,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                "Reminders set.",
                () -> participants.remindEvery(actor, caseId, participantId, days));
    }

    @PostMapping("/cases/{caseId}/recognitions")
    String recognise(
            Actor actor,
            @PathVariable UUID caseId,
            @RequestParam(required = false) @Nullable UUID partyId,
            @RequestParam(required = false) @Nullable String theirId,
            @RequestParam(required = false) @Nullable String url,
            @RequestParam(required = false) java.time.@Nullable LocalDate confirmedOn,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, caseId, model, response, redirect, "Recognition recorded.", () -> {
            if (partyId == null) throw InvalidInputException.of("partyId", "pick a party from the directory");
            recognitions.record(actor, caseId, partyId, theirId, url, confirmedOn);
        });
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/remove")
    String removeParticipant(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, caseId, model, response, redirect, "Participant removed.", () -> {
            participants.remove(actor, caseId, participantId);
        });
    }

    private String act(
            Actor actor,
            UUID caseId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            Runnable action) {
        return FormSubmission.run(
                action,
                notice,
                "/cases/" + caseId + "/coordination",
                redirect,
                response,
                problems -> page(actor, caseId, model, problems));
    }

    private static java.time.@Nullable Instant instant(@Nullable String value) {
        LocalDateTime local = dateTime(value);
        return local == null ? null : local.toInstant(java.time.ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime dateTime(@Nullable String value) {
        return Validation.localDateTime("end", value);
    }
}
