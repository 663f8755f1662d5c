package org.koban.server.cve.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIds;
import org.koban.server.cve.CveServicesException;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
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

/** A case's CVE page: each vulnerability's id, its reservation, publication and record files. */
@Controller
class CvePages {

    private final CveIds cveIds;
    private final Permissions permissions;

    CvePages(CveIds cveIds, Permissions permissions) {
        this.cveIds = cveIds;
        this.permissions = permissions;
    }

    @GetMapping("/cases/{caseId}/cve")
    String show(Actor actor, @PathVariable UUID caseId, Model model) {
        return page(actor, caseId, model, List.of());
    }

    private String page(Actor actor, UUID caseId, Model model, List<InvalidInputException.Problem> problems) {
        model.addAttribute("cves", cveIds.forCase(actor, caseId));
        boolean canManage = permissions.can(actor, Action.CASE_MANAGE);
        model.addAttribute("canManage", canManage);
        model.addAttribute("pool", canManage ? cveIds.list(actor, CveIdState.RESERVED) : List.of());
        model.addAttribute("problems", problems);
        return "cve/case";
    }

    @PostMapping("/cases/{caseId}/cve/{vulnerabilityId}/reservation")
    String reserve(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID vulnerabilityId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                "CVE id assigned.",
                () -> cveIds.reserveAndAssign(actor, caseId, vulnerabilityId));
    }

    @PostMapping("/cases/{caseId}/cve/{vulnerabilityId}/publication")
    String publish(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID vulnerabilityId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                "CVE record sent to CVE Services.",
                () -> cveIds.publish(actor, caseId, vulnerabilityId));
    }

    @PostMapping("/cases/{caseId}/cve/{vulnerabilityId}/assigned")
    String assigned(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID vulnerabilityId,
            @RequestParam(required = false) @Nullable String cveId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                "CVE id recorded.",
                () -> cveIds.recordAssigned(actor, caseId, vulnerabilityId, cveId == null ? "" : cveId));
    }

    @PostMapping("/cases/{caseId}/cve/pool/{cveId}/rejection")
    String reject(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable String cveId,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                model,
                response,
                redirect,
                cveId + " rejected.",
                () -> cveIds.reject(actor, cveId, reason == null ? "" : reason));
    }

    @PostMapping("/cases/{caseId}/cve/reconciliation")
    String reconcile(
            Actor actor,
            @PathVariable UUID caseId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor, caseId, model, response, redirect, "Compared with CVE Services.", () -> cveIds.reconcile(actor));
    }

    @GetMapping("/cases/{caseId}/cve/{vulnerabilityId}/cna-container.json")
    ResponseEntity<String> cnaContainer(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return download(cveIds.cnaContainer(actor, caseId, vulnerabilityId), "cna-container");
    }

    @GetMapping("/cases/{caseId}/cve/{vulnerabilityId}/record.json")
    ResponseEntity<String> record(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return download(cveIds.record(actor, caseId, vulnerabilityId), "cve-record");
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
                () -> {
                    try {
                        action.run();
                    } catch (CveServicesException e) {
                        throw InvalidInputException.of("CVE Services", String.valueOf(e.getMessage()));
                    }
                },
                notice,
                "/cases/" + caseId + "/cve",
                redirect,
                response,
                problems -> page(actor, caseId, model, problems));
    }

    private static ResponseEntity<String> download(String json, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(json);
    }
}
