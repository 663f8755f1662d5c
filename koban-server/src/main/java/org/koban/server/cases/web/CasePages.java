package org.koban.server.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseFact;
import org.koban.server.cases.CaseFilter;
import org.koban.server.cases.CaseState;
import org.koban.server.cases.CaseSummary;
import org.koban.server.cases.Cases;
import org.koban.server.cases.NotAffectedJustification;
import org.koban.server.cases.PartyReferences;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TaskState;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.Downloads;
import org.koban.server.organisation.Organisation;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages. Thin: each action is one call to {@link Cases}; a refusal shows the page again with what was typed. */
@Controller
class CasePages {

    private final Cases cases;
    private final Permissions permissions;
    private final Catalog catalog;
    private final Organisation organisation;
    private final ObjectProvider<PartyReferences> partyReferences;

    CasePages(
            Cases cases,
            Permissions permissions,
            Catalog catalog,
            Organisation organisation,
            ObjectProvider<PartyReferences> partyReferences) {
        this.partyReferences = partyReferences;
        this.cases = cases;
        this.permissions = permissions;
        this.catalog = catalog;
        this.organisation = organisation;
    }

    @GetMapping("/cases")
    String list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> state,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable UUID line,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            Model model) {
        var query = PageQuery.of(q, page, size);
        var found = cases.list(actor, filter(state, severity, line), query);
        model.addAttribute("page", found);
        model.addAttribute(
                "theirReferences",
                references(found.items().stream().map(CaseSummary::id).toList()));
        model.addAttribute("q", query.search());
        model.addAttribute("states", CaseState.values());
        model.addAttribute("stateParam", state == null ? List.of() : state);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("severity", severity);
        model.addAttribute("lines", organisation.visibleLines(actor));
        model.addAttribute("line", line == null ? "" : line.toString());
        return "cases/list";
    }

    static CaseFilter filter(@Nullable List<String> state, @Nullable String severity, @Nullable UUID line) {
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        if (state != null) {
            for (String s : state) {
                if (s.isBlank()) continue;
                if (s.equals("ALL")) states.addAll(EnumSet.allOf(CaseState.class));
                else states.add(parse(CaseState.class, "state", s));
            }
        }
        return new CaseFilter(states, CaseApi.severity(severity), line);
    }

    /** A required choice; see {@link Validation#choice}. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value) {
        E choice = Validation.choice(type, field, value);
        if (choice == null) throw InvalidInputException.of(field, "is required");
        return choice;
    }

    @GetMapping("/cases/{id}")
    String show(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer tpage, Model model) {
        return page(actor, id, tpage, model, List.of());
    }

    private String page(
            Actor actor, UUID id, @Nullable Integer tpage, Model model, List<InvalidInputException.Problem> problems) {
        CaseDetail detail = cases.get(actor, id, PageQuery.of(null, tpage, 50));
        model.addAttribute("c", detail);
        model.addAttribute("theirReferences", references(List.of(detail.id())));
        model.addAttribute("problems", problems);
        boolean manage = permissions.can(actor, Action.CASE_MANAGE);
        model.addAttribute("canManage", manage);
        model.addAttribute("canTriage", permissions.can(actor, Action.REPORT_TRIAGE));
        model.addAttribute(
                "canNote",
                permissions.canOnAnyLine(
                        actor,
                        Action.CASE_WORK,
                        detail.tasks().stream().map(t -> t.lineId()).toList()));
        model.addAttribute(
                "canDownload",
                permissions.canOnAnyLine(
                        actor,
                        Action.ATTACHMENT_DOWNLOAD,
                        detail.tasks().stream().map(t -> t.lineId()).toList()));
        model.addAttribute(
                "workableLines",
                detail.tasks().stream()
                        .filter(t -> permissions.can(actor, Action.CASE_WORK, t.lineId()))
                        .map(t -> t.lineId())
                        .toList());
        model.addAttribute("facts", CaseFact.values());
        model.addAttribute("statuses", VersionStatus.values());
        model.addAttribute("justifications", NotAffectedJustification.values());
        if (manage) {
            UUID productId = detail.reports().stream()
                    .map(r -> r.productId())
                    .filter(p -> p != null)
                    .findFirst()
                    .orElse(null);
            model.addAttribute(
                    "products",
                    catalog.products(actor, PageQuery.all(), ProductFilter.none())
                            .items());
            model.addAttribute("pickedProduct", productId);
            model.addAttribute(
                    "versions",
                    productId == null
                            ? List.of()
                            : catalog.versions(actor, productId, PageQuery.all())
                                    .items());
        }
        return "cases/case";
    }

    /** The version checkboxes of one product, for the status decision form (htmx swaps them in). */
    @GetMapping("/cases/{id}/version-picker")
    String versionPicker(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID product, Model model) {
        cases.get(actor, id, PageQuery.of(null, 0, 1));
        model.addAttribute(
                "versions",
                product == null
                        ? List.of()
                        : catalog.versions(actor, product, PageQuery.all()).items());
        return "cases/case :: versions";
    }

    @PostMapping("/cases/from-report/{reportId}")
    String open(
            Actor actor,
            @PathVariable UUID reportId,
            @RequestParam(required = false) @Nullable String title,
            RedirectAttributes redirect) {
        try {
            CaseDetail c = cases.openFromReport(actor, reportId, title == null ? "" : title);
            redirect.addFlashAttribute("notice", "Case " + c.reference() + " opened.");
            return "redirect:/cases/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "notice",
                    "Not opened: " + e.problems().get(0).field() + " "
                            + e.problems().get(0).message());
            return "redirect:/reports/" + reportId;
        }
    }

    @PostMapping("/cases/merge-report/{reportId}")
    String merge(
            Actor actor,
            @PathVariable UUID reportId,
            @RequestParam(required = false) @Nullable String caseReference,
            RedirectAttributes redirect) {
        try {
            CaseDetail c = cases.mergeReport(actor, reportId, caseReference == null ? "" : caseReference);
            redirect.addFlashAttribute("notice", "Report merged into " + c.reference() + ".");
            return "redirect:/cases/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "notice", "Not merged: " + e.problems().get(0).message());
            return "redirect:/reports/" + reportId;
        }
    }

    @PostMapping("/cases/{id}/edit")
    String edit(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String summary,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "Saved.", () -> cases.update(actor, id, title, summary));
    }

    @PostMapping("/cases/{id}/move")
    String move(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Case moved.",
                () -> cases.move(actor, id, parse(CaseState.class, "state", target), reason));
    }

    @PostMapping("/cases/{id}/facts")
    String fact(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String fact,
            @RequestParam(required = false) @Nullable String at,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Fact recorded.",
                () -> cases.recordFact(actor, id, parse(CaseFact.class, "fact", fact), dateTime(at)));
    }

    private static @Nullable Instant dateTime(@Nullable String value) {
        LocalDateTime local = Validation.localDateTime("at", value);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    @GetMapping("/cases/{id}/vulnerabilities/new")
    String newVulnerability(Actor actor, @PathVariable UUID id, Model model) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, id, PageQuery.of(null, 0, 1));
        return vulnerabilityForm(
                model, c, null, new VulnerabilityCommand(null, null, null, null, null, null), List.of());
    }

    @GetMapping("/cases/{id}/vulnerabilities/{vulnerabilityId}/edit")
    String editVulnerability(Actor actor, @PathVariable UUID id, @PathVariable UUID vulnerabilityId, Model model) {
        permissions.check(actor, Action.CASE_MANAGE);
        CaseDetail c = cases.get(actor, id, PageQuery.of(null, 0, 1));
        VulnerabilityView v = c.vulnerabilities().stream()
                .filter(x -> x.id().equals(vulnerabilityId))
                .findFirst()
                .orElseThrow(() -> new org.koban.server.shared.NotFoundException("Vulnerability", vulnerabilityId));
        return vulnerabilityForm(
                model,
                c,
                vulnerabilityId,
                new VulnerabilityCommand(
                        v.title(), v.description(), v.cweId(), v.cvss3Vector(), v.cvss4Vector(), v.cve()),
                List.of());
    }

    @PostMapping({"/cases/{id}/vulnerabilities/new", "/cases/{id}/vulnerabilities/{vulnerabilityId}/edit"})
    String saveVulnerability(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable(required = false) @Nullable UUID vulnerabilityId,
            @ModelAttribute("form") VulnerabilityCommand form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            if (vulnerabilityId == null) cases.addVulnerability(actor, id, form);
            else cases.updateVulnerability(actor, id, vulnerabilityId, form);
            redirect.addFlashAttribute("notice", "Vulnerability saved.");
            return "redirect:/cases/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return vulnerabilityForm(
                    model, cases.get(actor, id, PageQuery.of(null, 0, 1)), vulnerabilityId, form, e.problems());
        }
    }

    private String vulnerabilityForm(
            Model model,
            CaseDetail c,
            @Nullable UUID vulnerabilityId,
            VulnerabilityCommand form,
            List<InvalidInputException.Problem> problems) {
        model.addAttribute("c", c);
        model.addAttribute("vulnerabilityId", vulnerabilityId);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "cases/vulnerability-form";
    }

    @PostMapping("/cases/{id}/statuses")
    String decide(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID vulnerabilityId,
            @RequestParam(required = false) @Nullable List<UUID> versionIds,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String justification,
            @RequestParam(required = false) @Nullable String statement,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Statuses recorded.",
                () -> cases.decideStatus(
                        actor,
                        id,
                        new StatusDecision(
                                vulnerabilityId,
                                versionIds,
                                parse(VersionStatus.class, "status", status),
                                justification == null || justification.isBlank()
                                        ? null
                                        : parse(NotAffectedJustification.class, "justification", justification),
                                statement)));
    }

    @PostMapping("/cases/{id}/tasks/{taskId}/move")
    String moveTask(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String fixedVersions,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Task updated.",
                () -> cases.moveTask(
                        actor, id, taskId, parse(TaskState.class, "state", target), fixedVersions, reason));
    }

    @PostMapping("/cases/{id}/tasks/{taskId}/take")
    String take(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID taskId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "The task is yours.", () -> cases.takeTask(actor, id, taskId));
    }

    @PostMapping("/cases/{id}/notes")
    String note(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("typedNote", text);
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Note added.",
                () -> cases.addNote(actor, id, text == null ? "" : text));
    }

    @PostMapping("/cases/{id}/messages")
    String message(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("typedMessage", text);
        return act(
                actor,
                id,
                model,
                response,
                redirect,
                "Message sent to the reporters.",
                () -> cases.messageReporters(actor, id, text == null ? "" : text));
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    void download(Actor actor, @PathVariable UUID id, @PathVariable UUID attachmentId, HttpServletResponse response)
            throws IOException {
        try (AttachmentContent content = cases.openAttachment(actor, id, attachmentId)) {
            Downloads.send(content, response);
        }
    }

    private String act(
            Actor actor,
            UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String notice,
            Runnable action) {
        return FormSubmission.run(
                action, notice, "/cases/" + id, redirect, response, problems -> page(actor, id, null, model, problems));
    }

    /** Outside parties' references for the cases, when the coordination module is there to give them. */
    private java.util.Map<UUID, List<String>> references(List<UUID> caseIds) {
        PartyReferences source = partyReferences.getIfAvailable();
        return source == null || caseIds.isEmpty() ? java.util.Map.of() : source.of(caseIds);
    }
}
