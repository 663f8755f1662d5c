package org.koban.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.CloseReason;
import org.koban.server.intake.Downloads;
import org.koban.server.intake.ReportState;
import org.koban.server.intake.Triage;
import org.koban.server.intake.TriageQuery;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The triage queue and a report's page, where the PSIRT decides. Rules live in {@link Triage}. */
@Controller
class TriagePages {

    private final Triage triage;
    private final Permissions permissions;

    TriagePages(Triage triage, Permissions permissions) {
        this.triage = triage;
        this.permissions = permissions;
    }

    @GetMapping("/reports")
    String queue(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> state,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        Set<ReportState> states = states(state);
        TriageQuery.Sort order = TriageApi.sort(sort);
        var query = PageQuery.of(q, page, size);
        model.addAttribute("page", triage.queue(actor, new TriageQuery(states, order, query)));
        model.addAttribute("q", query.search());
        model.addAttribute("states", ReportState.values());
        model.addAttribute("selectedStates", states.isEmpty() ? TriageQuery.openStates() : states);
        model.addAttribute("stateParam", state == null ? List.of() : state);
        model.addAttribute("sort", order.name());
        return "intake/queue";
    }

    static Set<ReportState> states(@Nullable List<String> values) {
        Set<ReportState> states = EnumSet.noneOf(ReportState.class);
        if (values == null) return states;
        for (String value : values) {
            if (value.equals("ALL")) return EnumSet.allOf(ReportState.class);
            try {
                states.add(ReportState.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("state", "unknown report state '" + value + "'");
            }
        }
        return states;
    }

    @GetMapping("/reports/{id}")
    String report(Actor actor, @PathVariable UUID id, Model model) {
        return show(actor, id, model, List.of(), null);
    }

    private String show(
            Actor actor, UUID id, Model model, List<InvalidInputException.Problem> problems, @Nullable String typed) {
        var report = triage.report(actor, id);
        model.addAttribute("report", report);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute("canOpenCase", permissions.can(actor, Action.CASE_MANAGE));
        model.addAttribute("canDownload", permissions.can(actor, Action.ATTACHMENT_DOWNLOAD));
        return "intake/report";
    }

    @PostMapping("/reports/{id}/acknowledge")
    String acknowledge(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String message,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                message,
                "Acknowledged.",
                () -> triage.acknowledge(actor, id, message));
    }

    @PostMapping("/reports/{id}/ask")
    String ask(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String question,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                question,
                "Question sent; the triage clock is paused until the reporter answers.",
                () -> triage.askForInformation(actor, id, question == null ? "" : question));
    }

    @PostMapping("/reports/{id}/resume")
    String resume(
            Actor actor,
            @PathVariable UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, null, "Triage resumed.", () -> triage.resume(actor, id));
    }

    @PostMapping("/reports/{id}/messages")
    String message(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(defaultValue = "false") boolean internal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                message,
                internal ? "Note added." : "Message sent to the reporter.",
                () -> triage.message(actor, id, message == null ? "" : message, internal));
    }

    @PostMapping("/reports/{id}/close")
    String close(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String forwardedTo,
            @RequestParam(required = false) @Nullable String message,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, message, "Report closed.", () -> {
            triage.close(actor, id, TriageApi.closeReason(reason), forwardedTo, message);
        });
    }

    @GetMapping("/reports/{id}/attachments/{attachmentId}")
    void download(Actor actor, @PathVariable UUID id, @PathVariable UUID attachmentId, HttpServletResponse response)
            throws java.io.IOException {
        try (AttachmentContent content = triage.openAttachment(actor, id, attachmentId)) {
            Downloads.send(content, response);
        }
    }

    /** Runs a decision; on a refusal shows the page again with the problems and what was typed. */
    private String act(
            Actor actor,
            UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            @Nullable String typed,
            String notice,
            Runnable action) {
        return FormSubmission.run(
                action,
                notice,
                "/reports/" + id,
                redirect,
                response,
                problems -> show(actor, id, model, problems, typed));
    }
}
