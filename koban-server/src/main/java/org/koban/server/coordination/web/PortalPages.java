package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.Invitations;
import org.koban.server.coordination.ParticipantStatus;
import org.koban.server.coordination.Portal;
import org.koban.server.coordination.SharedCase;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.shared.FormSubmission;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The participant portal's pages, and accepting an invitation to it. */
@Controller
class PortalPages {

    private final Portal portal;
    private final Invitations invitations;

    PortalPages(Portal portal, Invitations invitations) {
        this.portal = portal;
        this.invitations = invitations;
    }

    @GetMapping("/portal")
    String cases(Actor actor, Model model) {
        model.addAttribute("cases", portal.cases(actor));
        return "coordination/portal";
    }

    @GetMapping("/portal/cases/{participantId}")
    String show(Actor actor, @PathVariable UUID participantId, Model model) {
        return page(model, portal.open(actor, participantId), List.of(), Map.of());
    }

    @PostMapping("/portal/cases/{participantId}/answers")
    String answer(
            Actor actor,
            @PathVariable UUID participantId,
            @RequestParam(required = false) @Nullable UUID vulnerabilityId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String statement,
            @RequestParam(required = false) @Nullable String references,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                participantId,
                model,
                response,
                redirect,
                Map.of(
                        "vulnerabilityId",
                        String.valueOf(vulnerabilityId),
                        "status",
                        String.valueOf(status),
                        "statement",
                        statement == null ? "" : statement,
                        "references",
                        references == null ? "" : references),
                "Your answer was recorded.",
                () -> {
                    if (vulnerabilityId == null) throw InvalidInputException.of("vulnerabilityId", "is required");
                    portal.answer(
                            actor,
                            participantId,
                            vulnerabilityId,
                            ParticipantApi.status(status),
                            statement,
                            references == null || references.isBlank()
                                    ? List.of()
                                    : List.of(references.strip().split("\\R")));
                });
    }

    @PostMapping("/portal/cases/{participantId}/embargo")
    String embargo(
            Actor actor,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "false") boolean accepted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                participantId,
                model,
                response,
                redirect,
                Map.of(),
                accepted ? "You accepted the embargo." : "You rejected the embargo.",
                () -> portal.respondToEmbargo(actor, participantId, accepted));
    }

    @PostMapping("/portal/cases/{participantId}/messages")
    String write(
            Actor actor,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "") String body,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(
                actor,
                participantId,
                model,
                response,
                redirect,
                Map.of("body", body),
                "Your message was sent.",
                () -> portal.write(actor, participantId, body));
    }

    @PostMapping("/portal/cases/{participantId}/files")
    String upload(
            Actor actor,
            @PathVariable UUID participantId,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(actor, participantId, model, response, redirect, Map.of(), "Your file was uploaded.", () -> {
            if (file == null || file.isEmpty()) throw InvalidInputException.of("file", "choose a file");
            try (InputStream in = file.getInputStream()) {
                portal.upload(actor, participantId, String.valueOf(file.getOriginalFilename()), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/portal/cases/{participantId}/files/{fileId}")
    void download(
            Actor actor, @PathVariable UUID participantId, @PathVariable UUID fileId, HttpServletResponse response)
            throws IOException {
        SharedResponses.send(portal.openFile(actor, participantId, fileId), response);
    }

    @GetMapping("/portal/cases/{participantId}/export.json")
    ResponseEntity<SharedTimelineExport> export(Actor actor, @PathVariable UUID participantId) {
        return SharedResponses.export(portal.export(actor, participantId));
    }

    @GetMapping("/invitations/{secret}")
    String invitation(@PathVariable String secret, Model model) {
        model.addAttribute(
                "invitation", invitations.find(secret).orElseThrow(() -> new NotFoundException("Invitation", "link")));
        model.addAttribute("secret", secret);
        model.addAttribute("problems", List.of());
        return "coordination/invitation";
    }

    @PostMapping("/invitations/{secret}")
    String accept(
            @PathVariable String secret,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmPassword,
            @RequestParam(defaultValue = "") String timeZone,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return FormSubmission.run(
                () -> {
                    if (!password.equals(confirmPassword)) {
                        throw InvalidInputException.of("confirmPassword", "does not match the password");
                    }
                    invitations.accept(secret, displayName, password, timeZone);
                },
                "Your account is ready: sign in with your email address and the password you chose.",
                "/login",
                redirect,
                response,
                problems -> {
                    invitation(secret, model);
                    model.addAttribute("problems", problems);
                    model.addAttribute("typedName", displayName);
                    model.addAttribute("typedZone", timeZone);
                    return "coordination/invitation";
                });
    }

    private String page(
            Model model, SharedCase shared, List<InvalidInputException.Problem> problems, Map<String, String> typed) {
        model.addAttribute("shared", shared);
        model.addAttribute("statuses", ParticipantStatus.values());
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return "coordination/portal-case";
    }

    private String act(
            Actor actor,
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
                "/portal/cases/" + participantId,
                redirect,
                response,
                problems -> page(model, portal.view(actor, participantId), problems, typed));
    }
}
