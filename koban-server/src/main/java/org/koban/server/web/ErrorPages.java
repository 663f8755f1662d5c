package org.koban.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that no controller answered (an unknown path, a wrong method or media type, a failure in a
 * filter): problem+json under {@code /api/}, an error page elsewhere. Never a stack trace, never details
 * of the failure beyond its status.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Clock clock;

    ErrorPages(Clock clock) {
        this.clock = clock;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request, path));
            problem.setTitle(status.getReasonPhrase());
            problem.setType(URI.create("about:blank"));
            problem.setInstance(URI.create(path));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> "error/error";
        };
        return new ModelAndView(view, Map.of("status", status.value(), "timestamp", clock.instant()), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status, HttpServletRequest request, String path) {
        return switch (status) {
            case NOT_FOUND -> "There is no API endpoint " + path;
            case METHOD_NOT_ALLOWED -> path + " does not accept " + request.getMethod();
            case UNSUPPORTED_MEDIA_TYPE -> "This endpoint does not accept that Content-Type";
            case NOT_ACCEPTABLE -> "This endpoint cannot answer in the requested media type";
            default -> status.is5xxServerError() ? "Koban could not complete this request" : status.getReasonPhrase();
        };
    }
}
