package org.koban.server.cve.web;

import java.net.URI;
import org.koban.server.cve.CveServicesException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * CVE Services' failures as problem+json with their {@code reason}: 409 without CNA credentials, 503 when
 * CVE Services asks to wait, 502 for everything else it did or did not do.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = CveApi.class)
class CveProblems {

    @ExceptionHandler(CveServicesException.class)
    ResponseEntity<ProblemDetail> failed(CveServicesException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_CONFIGURED -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, String.valueOf(e.getMessage()));
        body.setTitle("CVE Services");
        body.setType(URI.create("about:blank"));
        body.setProperty("reason", e.reason().name());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
