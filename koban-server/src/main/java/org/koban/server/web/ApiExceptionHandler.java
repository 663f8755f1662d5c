package org.koban.server.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as RFC 9457 problem+json. Validation problems are all listed, each with its field, in
 * an {@code errors} member: {@code [{"field": "...", "message": "..."}]}. Spring MVC's own errors (bad
 * media type, method, malformed body, ...) come through the base class in the same shape.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", String.valueOf(e.getMessage()), List.of());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidInputException.Problem(f.getField(), String.valueOf(f.getDefaultMessage())))
                .toList();
        return widen(problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has invalid fields", problems));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return widen(problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid input",
                    "Unknown field '" + unknown.getPropertyName() + "'",
                    List.of(new InvalidInputException.Problem(unknown.getPropertyName(), "is not a known field"))));
        }
        String detail = cause instanceof JacksonException json
                ? json.getOriginalMessage()
                : "The request body is missing or could not be read";
        return widen(problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<InvalidInputException.Problem> problems) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        if (!problems.isEmpty()) {
            body.setProperty(
                    "errors",
                    problems.stream()
                            .map(p -> Map.of("field", p.field(), "message", p.message()))
                            .toList());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return ResponseEntity.status(entity.getStatusCode())
                .headers(entity.getHeaders())
                .body(entity.getBody());
    }
}
