package org.koban.server.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.koban.server.intake.AttachmentsTooLargeException;
import org.koban.server.intake.Intake;
import org.koban.server.intake.SubmittedReport;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages, for people without an account: the report form, the reporter's tracking page and
 * {@code security.txt}. The success page is rendered directly (not after a redirect), so the tracking
 * link is shown once and never lands in a URL, a flash attribute or the browser history.
 */
@Controller
class ReportPages {

    private static final Logger log = LoggerFactory.getLogger(ReportPages.class);

    private final Intake intake;
    private final ReportRateLimit rateLimit;

    ReportPages(Intake intake, ReportRateLimit rateLimit) {
        this.intake = intake;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/report")
    String form(Model model) {
        return form(model, ReportForm.empty(), List.of());
    }

    @PostMapping("/report")
    String submit(
            HttpServletRequest request,
            HttpServletResponse response,
            @ModelAttribute("form") ReportForm form,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(
                    model,
                    form,
                    List.of(new InvalidInputException.Problem(
                            "form",
                            "Too many reports from your address in the last minute. Nothing was lost: wait a"
                                    + " minute and send again (please select your files again).")));
        }
        if (form.isBot()) {
            // Pretend success so that the bot learns nothing; store nothing.
            log.info("Report form honeypot filled; submission discarded");
            model.addAttribute("reference", null);
            return "intake/submitted";
        }
        try {
            SubmittedReport submitted = intake.submit(form.toSubmission(), ReportApi.uploads(attachments));
            model.addAttribute("reference", submitted.reference());
            model.addAttribute("trackingUrl", submitted.trackingUrl());
            return "intake/submitted";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, e.problems());
        } catch (AttachmentsTooLargeException e) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return form(model, form, List.of(new InvalidInputException.Problem("attachments", e.getMessage())));
        }
    }

    private String form(Model model, ReportForm form, List<InvalidInputException.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("products", intake.productChoices());
        return "intake/report-form";
    }

    @GetMapping("/track/{capability}")
    String track(@PathVariable String capability, Model model) {
        model.addAttribute(
                "report",
                intake.track(capability).orElseThrow(() -> new NotFoundException("Report", "(tracking link)")));
        model.addAttribute("capability", capability);
        return "intake/track";
    }

    @PostMapping("/track/{capability}/messages")
    String reply(
            HttpServletRequest request,
            HttpServletResponse response,
            @PathVariable String capability,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model,
            RedirectAttributes redirect) {
        List<InvalidInputException.Problem> problems;
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            problems = List.of(new InvalidInputException.Problem(
                    "form", "Too many messages from your address in the last minute. Wait a minute and send again."));
        } else {
            try {
                intake.reply(capability, message == null ? "" : message, ReportApi.uploads(attachments));
                redirect.addFlashAttribute("notice", "Sent. Thank you.");
                return "redirect:/track/" + capability;
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                problems = e.problems();
            } catch (AttachmentsTooLargeException e) {
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                problems = List.of(new InvalidInputException.Problem("attachments", e.getMessage()));
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("typed", message);
        return track(capability, model);
    }

    @PostMapping("/track/{capability}/withdraw")
    String withdraw(@PathVariable String capability, RedirectAttributes redirect) {
        try {
            intake.withdraw(capability);
            redirect.addFlashAttribute("notice", "Your report was withdrawn.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.problems().get(0).message());
        }
        return "redirect:/track/" + capability;
    }

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> securityTxt() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(intake.securityTxt());
    }
}
