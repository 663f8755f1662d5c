package org.koban.server.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.koban.server.intake.AttachmentUpload;
import org.koban.server.intake.AttachmentsTooLargeException;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.intake.SubmittedReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/reports}: anonymous submission for partners and CERTs, as JSON or as multipart with a
 * JSON part {@code report} and file parts {@code attachments}. Validation errors come as problem+json from
 * the global handler; limits are answered here (413 and 429).
 */
@RestController
class ReportApi {

    private final Intake intake;
    private final ReportRateLimit rateLimit;

    ReportApi(Intake intake, ReportRateLimit rateLimit) {
        this.intake = intake;
        this.rateLimit = rateLimit;
    }

    @PostMapping(path = "/api/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmittedReport> submit(HttpServletRequest request, @RequestBody ReportSubmission report) {
        return submit(request, report, List.of());
    }

    @PostMapping(path = "/api/v1/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SubmittedReport> submitWithFiles(
            HttpServletRequest request,
            @RequestPart("report") ReportSubmission report,
            @RequestPart(name = "attachments", required = false) @Nullable List<MultipartFile> attachments) {
        return submit(request, report, uploads(attachments));
    }

    private ResponseEntity<SubmittedReport> submit(
            HttpServletRequest request, ReportSubmission report, List<AttachmentUpload> files) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) throw new TooManyReportsException();
        SubmittedReport submitted = intake.submit(report, files);
        // No Location header: the tracking link is a secret capability, and headers end up in proxy logs
        // more often than bodies do.
        return ResponseEntity.status(HttpStatus.CREATED).body(submitted);
    }

    static List<AttachmentUpload> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) return List.of();
        return files.stream()
                .filter(file -> !file.isEmpty()
                        || (file.getOriginalFilename() != null
                                && !file.getOriginalFilename().isBlank()))
                .map(file ->
                        new AttachmentUpload(file.getOriginalFilename(), file.getContentType(), file::getInputStream))
                .toList();
    }

    @ExceptionHandler(TooManyReportsException.class)
    ResponseEntity<ProblemDetail> tooMany() {
        return problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many reports",
                "Too many reports from your address in the last minute; please try again in a minute.");
    }

    @ExceptionHandler(AttachmentsTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentsTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Attachments too large", e.getMessage() + "; nothing was stored.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
