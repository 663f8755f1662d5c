package org.koban.server.intake.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.intake.CloseReason;
import org.koban.server.intake.ReportDetail;
import org.koban.server.intake.ReportSummary;
import org.koban.server.intake.Triage;
import org.koban.server.intake.TriageQuery;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Triage over REST: the queue, a report, and the decisions (same rules as the pages, in {@link Triage}). */
@RestController
class TriageApi {

    private final Triage triage;

    TriageApi(Triage triage) {
        this.triage = triage;
    }

    @GetMapping("/api/v1/reports")
    Page<ReportSummary> queue(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> state,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return triage.queue(actor, new TriageQuery(TriagePages.states(state), sort(sort), PageQuery.of(q, page, size)));
    }

    @GetMapping("/api/v1/reports/{id}")
    ReportDetail report(Actor actor, @PathVariable UUID id) {
        return triage.report(actor, id);
    }

    record MessageBody(@Nullable String message, @Nullable Boolean internal) {}

    record CloseBody(
            @Nullable String reason,
            @Nullable String forwardedTo,
            @Nullable String message) {}

    @PostMapping("/api/v1/reports/{id}/acknowledgement")
    ReportDetail acknowledge(
            Actor actor, @PathVariable UUID id, @RequestBody(required = false) @Nullable MessageBody body) {
        return triage.acknowledge(actor, id, body == null ? null : body.message());
    }

    @PostMapping("/api/v1/reports/{id}/information-request")
    ReportDetail ask(Actor actor, @PathVariable UUID id, @RequestBody MessageBody body) {
        return triage.askForInformation(actor, id, body.message() == null ? "" : body.message());
    }

    @PostMapping("/api/v1/reports/{id}/resumption")
    ReportDetail resume(Actor actor, @PathVariable UUID id) {
        return triage.resume(actor, id);
    }

    @PostMapping("/api/v1/reports/{id}/messages")
    ReportDetail message(Actor actor, @PathVariable UUID id, @RequestBody MessageBody body) {
        return triage.message(
                actor, id, body.message() == null ? "" : body.message(), Boolean.TRUE.equals(body.internal()));
    }

    @PostMapping("/api/v1/reports/{id}/closure")
    ReportDetail close(Actor actor, @PathVariable UUID id, @RequestBody CloseBody body) {
        return triage.close(actor, id, closeReason(body.reason()), body.forwardedTo(), body.message());
    }

    static CloseReason closeReason(@Nullable String value) {
        CloseReason reason = Validation.choice(CloseReason.class, "reason", value);
        if (reason == null) throw InvalidInputException.of("reason", "is required");
        return reason;
    }

    static TriageQuery.Sort sort(@Nullable String value) {
        TriageQuery.Sort sort = Validation.choice(TriageQuery.Sort.class, "sort", value);
        return sort == null ? TriageQuery.Sort.OLDEST : sort;
    }
}
