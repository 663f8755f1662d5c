package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.Cases;
import org.koban.server.coordination.Participants;
import org.koban.server.coordination.ShareCommand;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.coordination.Sharing;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The PSIRT's page for one participant of a case: what is shared with them, their thread, their files. */
@Controller
class ParticipantSharingPages {

    private final Sharing sharing;
    private final Participants participants;
    private final Cases cases;
    private final Permissions permissions;

    ParticipantSharingPages(Sharing sharing, Participants participants, Cases cases, Permissions permissions) {
        this.sharing = sharing;
        this.participants = participants;
        this.cases = cases;
        this.permissions = permissions;
    }

    @GetMapping("/cases/{caseId}/participants/{participantId}")
    String show(Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, Model model) {
        return page(actor, caseId, participantId, model, List.of(), Map.of());
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/sharing")
    String share(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "false") boolean summary,
            @RequestParam(defaultValue = "false") boolean reporterContact,
            @RequestParam(name = "vulnerabilityId", required = false) @Nullable Set<UUID> vulnerabilityIds,
            @RequestParam(name = "attachmentId", required = false) @Nullable Set<UUID> attachmentIds,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                participantId,
                model,
                response,
                redirect,
                Map.of(),
                "Sharing saved.",
                () -> sharing.share(
                        actor,
                        caseId,
                        participantId,
                        new ShareCommand(summary, reporterContact, vulnerabilityIds, attachmentIds)));
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/messages")
    String write(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "") String body,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                participantId,
                model,
                response,
                redirect,
                Map.of("body", body),
                "Message sent.",
                () -> sharing.write(actor, caseId, participantId, body));
    }

    @PostMapping("/cases/{caseId}/participants/{participantId}/invitations")
    String invite(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                caseId,
                participantId,
                model,
                response,
                redirect,
                Map.of("email", email, "displayName", displayName),
                "Invitation sent to " + email + ".",
                () -> sharing.invite(actor, caseId, participantId, email, displayName));
    }

    @GetMapping("/cases/{caseId}/participants/{participantId}/files/{fileId}")
    void download(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @PathVariable UUID fileId,
            HttpServletResponse response)
            throws IOException {
        SharedResponses.send(sharing.openFile(actor, caseId, participantId, fileId), response);
    }

    @GetMapping("/cases/{caseId}/participants/{participantId}/export.json")
    ResponseEntity<SharedTimelineExport> export(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        SharedTimelineExport export = sharing.export(actor, caseId, participantId);
        return SharedResponses.export(export);
    }

    private String page(
            Actor actor,
            UUID caseId,
            UUID participantId,
            Model model,
            List<InvalidInputException.Problem> problems,
            Map<String, String> typed) {
        CaseDetail c = cases.get(actor, caseId, PageQuery.of(null, 0, 1));
        model.addAttribute("case", c);
        model.addAttribute(
                "participant",
                participants.list(actor, caseId).stream()
                        .filter(p -> p.id().equals(participantId))
                        .findFirst()
                        .orElseThrow(
                                () -> new org.koban.server.shared.NotFoundException("Participant", participantId)));
        model.addAttribute("sharing", sharing.get(actor, caseId, participantId));
        model.addAttribute("thread", sharing.thread(actor, caseId, participantId));
        model.addAttribute("uploads", sharing.files(actor, caseId, participantId));
        model.addAttribute(
                "attachments",
                c.reports().stream().flatMap(r -> r.attachments().stream()).toList());
        model.addAttribute("canManage", permissions.can(actor, Action.CASE_MANAGE));
        model.addAttribute("canDownload", permissions.can(actor, Action.ATTACHMENT_DOWNLOAD));
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "coordination/participant";
    }

    private String act(
            Actor actor,
            UUID caseId,
            UUID participantId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Map<String, String> typed,
            String notice,
            Runnable action) {
        return FormSubmission.run(
                action,
                notice,
                "/cases/" + caseId + "/participants/" + participantId,
                redirect,
                response,
                problems -> page(actor, caseId, participantId, model, problems, typed));
    }
}
