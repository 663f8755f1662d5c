package org.koban.server.advisories.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryCommand;
import org.koban.server.advisories.AdvisoryDocument;
import org.koban.server.advisories.AdvisoryPreview;
import org.koban.server.advisories.AdvisoryState;
import org.koban.server.advisories.AdvisoryView;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Advisory pages: the list, a case's advisory, editing, the preview of every output, and the workflow. */
@Controller
class AdvisoryPages {

    private final Advisories advisories;
    private final Permissions permissions;
    private final org.koban.server.cases.Cases cases;
    private final org.koban.server.cve.CveIds cveIds;

    AdvisoryPages(
            Advisories advisories,
            Permissions permissions,
            org.koban.server.cases.Cases cases,
            org.koban.server.cve.CveIds cveIds) {
        this.advisories = advisories;
        this.permissions = permissions;
        this.cases = cases;
        this.cveIds = cveIds;
    }

    /** A vulnerability's CVE record as it would be sent to CVE Services (or to a CNA), or why it cannot be yet. */
    record CveRecordPreview(
            String title,
            @Nullable String cve,
            @Nullable String cnaContainer,
            @Nullable String problem) {}

    private List<CveRecordPreview> cveRecords(Actor actor, AdvisoryView advisory) {
        var c = cases.get(actor, advisory.caseId(), org.koban.server.shared.PageQuery.of(null, 0, 1));
        return c.vulnerabilities().stream()
                .map(v -> {
                    try {
                        return new CveRecordPreview(
                                v.title(), v.cve(), cveIds.cnaContainer(actor, advisory.caseId(), v.id()), null);
                    } catch (InvalidInputException e) {
                        return new CveRecordPreview(v.title(), v.cve(), null, e.getMessage());
                    }
                })
                .toList();
    }

    @GetMapping("/advisories")
    String list(Actor actor, Model model) {
        model.addAttribute("advisories", advisories.list(actor));
        return "advisories/list";
    }

    /** The case's advisory, or the page that drafts one. */
    @GetMapping("/cases/{caseId}/advisory")
    String ofCase(Actor actor, @PathVariable UUID caseId, Model model) {
        AdvisoryView advisory = advisories.ofCase(actor, caseId);
        if (advisory != null) return "redirect:/advisories/" + advisory.id();
        permissions.check(actor, Action.ADVISORY_EDIT);
        model.addAttribute("caseId", caseId);
        return "advisories/new";
    }

    @PostMapping("/cases/{caseId}/advisory")
    String create(Actor actor, @PathVariable UUID caseId, RedirectAttributes redirect) {
        AdvisoryView created = advisories.createFromCase(actor, caseId);
        redirect.addFlashAttribute("notice", "Advisory " + created.trackingId() + " drafted from the case.");
        return "redirect:/advisories/" + created.id();
    }

    @GetMapping("/advisories/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        return page(actor, id, model, List.of(), null);
    }

    @PostMapping("/advisories/{id}")
    String update(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String impact,
            @RequestParam(defaultValue = "") String fix,
            @RequestParam(defaultValue = "") String fixUrl,
            @RequestParam(defaultValue = "") String workaround,
            @RequestParam(defaultValue = "") String mitigation,
            @RequestParam(defaultValue = "") String references,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var command = new AdvisoryCommand(
                title,
                summary,
                impact,
                fix,
                fixUrl,
                workaround,
                mitigation,
                references.isBlank() ? List.of() : List.of(references.strip().split("\\R")));
        return FormSubmission.run(
                () -> advisories.update(actor, id, command),
                "Advisory saved.",
                "/advisories/" + id,
                redirect,
                response,
                problems -> page(actor, id, model, problems, command));
    }

    @PostMapping("/advisories/{id}/{step}")
    String step(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> notices = Map.of(
                "submission", "Sent to review.",
                "changes", "Sent back to the authors.",
                "approval", "Approved: the document is frozen until it is published.",
                "withdrawal", "Back to draft.",
                "publication", "Published.",
                "revision", "A new revision is open as a draft.");
        Runnable action = switch (step) {
            case "submission" -> () -> advisories.submit(actor, id);
            case "changes" -> () -> advisories.requestChanges(actor, id, reason);
            case "approval" -> () -> advisories.approve(actor, id);
            case "withdrawal" -> () -> advisories.withdraw(actor, id);
            case "publication" -> () -> advisories.publish(actor, id);
            case "revision" -> () -> advisories.startRevision(actor, id, reason);
            default -> throw new org.koban.server.shared.NotFoundException("Advisory step", step);
        };
        return FormSubmission.run(
                action,
                notices.get(step),
                "/advisories/" + id,
                redirect,
                response,
                problems -> page(actor, id, model, problems, null));
    }

    @PostMapping("/advisories/{id}/schedule")
    String schedule(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String at,
            @RequestParam(defaultValue = "false") boolean atEmbargoEnd,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return FormSubmission.run(
                () -> {
                    var local = org.koban.server.shared.Validation.localDateTime("at", at);
                    advisories.schedule(
                            actor, id, local == null ? null : local.toInstant(java.time.ZoneOffset.UTC), atEmbargoEnd);
                },
                "Publication scheduled.",
                "/advisories/" + id,
                redirect,
                response,
                problems -> page(actor, id, model, problems, null));
    }

    /** The CSAF document: the preview of the revision being prepared, or a published revision. */
    @GetMapping("/advisories/{id}/csaf.json")
    ResponseEntity<String> csaf(
            Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer revision) {
        AdvisoryView advisory = advisories.get(actor, id);
        String json = revision == null
                ? advisories.preview(actor, id).csafJson()
                : advisories.publishedCsaf(actor, id, revision);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(advisory.csafFileName())
                                .build()
                                .toString())
                .body(json);
    }

    private String page(
            Actor actor,
            UUID id,
            Model model,
            List<InvalidInputException.Problem> problems,
            @Nullable AdvisoryCommand typed) {
        AdvisoryView advisory = advisories.get(actor, id);
        AdvisoryPreview preview = advisories.preview(actor, id);
        model.addAttribute("advisory", advisory);
        model.addAttribute(
                "form",
                typed != null
                        ? typed
                        : new AdvisoryCommand(
                                advisory.title(),
                                advisory.summary(),
                                advisory.impact(),
                                advisory.fix(),
                                advisory.fixUrl(),
                                advisory.workaround(),
                                advisory.mitigation(),
                                advisory.references()));
        model.addAttribute("preview", preview);
        model.addAttribute("document", AdvisoryDocument.of(preview.csafJson()));
        model.addAttribute("cveRecords", cveRecords(actor, advisory));
        model.addAttribute("problems", problems);
        model.addAttribute("canEdit", permissions.can(actor, Action.ADVISORY_EDIT));
        model.addAttribute("canApprove", permissions.can(actor, Action.ADVISORY_APPROVE));
        model.addAttribute("states", AdvisoryState.values());
        return "advisories/advisory";
    }
}
