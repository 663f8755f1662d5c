package org.koban.server.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.CaseFact;
import org.koban.server.cases.CaseState;
import org.koban.server.cases.CaseSummary;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.TaskState;
import org.koban.server.cases.TaskView;
import org.koban.server.cases.TimelineEntry;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.intake.Downloads;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cases over REST; the same service, so the same rules and permissions as the pages. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

    private final Cases cases;

    CaseApi(Cases cases) {
        this.cases = cases;
    }

    @GetMapping
    Page<CaseSummary> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> state,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable UUID line,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return cases.list(actor, CasePages.filter(state, severity, line), PageQuery.of(q, page, size));
    }

    @GetMapping("/{id}")
    CaseDetail get(Actor actor, @PathVariable UUID id) {
        return cases.get(actor, id, PageQuery.of(null, 0, 50));
    }

    record OpenBody(@Nullable UUID reportId, @Nullable String title) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetail open(Actor actor, @RequestBody OpenBody body) {
        if (body.reportId() == null) throw InvalidInputException.of("reportId", "is required");
        return cases.openFromReport(actor, body.reportId(), body.title() == null ? "" : body.title());
    }

    record MergeBody(@Nullable UUID reportId) {}

    @PostMapping("/{reference}/reports")
    CaseDetail merge(Actor actor, @PathVariable String reference, @RequestBody MergeBody body) {
        if (body.reportId() == null) throw InvalidInputException.of("reportId", "is required");
        return cases.mergeReport(actor, body.reportId(), reference);
    }

    record EditBody(@Nullable String title, @Nullable String summary) {}

    @PutMapping("/{id}")
    CaseDetail update(Actor actor, @PathVariable UUID id, @RequestBody EditBody body) {
        return cases.update(actor, id, body.title(), body.summary());
    }

    record TransitionBody(@Nullable String state, @Nullable String reason) {}

    @PostMapping("/{id}/transitions")
    CaseDetail move(Actor actor, @PathVariable UUID id, @RequestBody TransitionBody body) {
        return cases.move(actor, id, CasePages.parse(CaseState.class, "state", body.state()), body.reason());
    }

    record FactBody(@Nullable String fact, @Nullable Instant at) {}

    @PostMapping("/{id}/facts")
    CaseDetail fact(Actor actor, @PathVariable UUID id, @RequestBody FactBody body) {
        return cases.recordFact(actor, id, CasePages.parse(CaseFact.class, "fact", body.fact()), body.at());
    }

    @PostMapping("/{id}/vulnerabilities")
    @ResponseStatus(HttpStatus.CREATED)
    VulnerabilityView addVulnerability(Actor actor, @PathVariable UUID id, @RequestBody VulnerabilityCommand body) {
        return cases.addVulnerability(actor, id, body);
    }

    @PutMapping("/{id}/vulnerabilities/{vulnerabilityId}")
    VulnerabilityView updateVulnerability(
            Actor actor,
            @PathVariable UUID id,
            @PathVariable UUID vulnerabilityId,
            @RequestBody VulnerabilityCommand body) {
        return cases.updateVulnerability(actor, id, vulnerabilityId, body);
    }

    @PostMapping("/{id}/statuses")
    CaseDetail decide(Actor actor, @PathVariable UUID id, @RequestBody StatusDecision body) {
        return cases.decideStatus(actor, id, body);
    }

    record TaskBody(
            @Nullable String state,
            @Nullable String fixedVersions,
            @Nullable String reason) {}

    @PostMapping("/{id}/tasks/{taskId}/transitions")
    TaskView moveTask(Actor actor, @PathVariable UUID id, @PathVariable UUID taskId, @RequestBody TaskBody body) {
        return cases.moveTask(
                actor,
                id,
                taskId,
                CasePages.parse(TaskState.class, "state", body.state()),
                body.fixedVersions(),
                body.reason());
    }

    @GetMapping("/{id}/timeline")
    Page<TimelineEntry> timeline(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return cases.timeline(actor, id, PageQuery.of(null, page, size));
    }

    record TextBody(@Nullable String text) {}

    @PostMapping("/{id}/notes")
    CaseDetail note(Actor actor, @PathVariable UUID id, @RequestBody TextBody body) {
        return cases.addNote(actor, id, body.text() == null ? "" : body.text());
    }

    @PostMapping("/{id}/messages")
    CaseDetail message(Actor actor, @PathVariable UUID id, @RequestBody TextBody body) {
        return cases.messageReporters(actor, id, body.text() == null ? "" : body.text());
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    void download(Actor actor, @PathVariable UUID id, @PathVariable UUID attachmentId, HttpServletResponse response)
            throws IOException {
        try (AttachmentContent content = cases.openAttachment(actor, id, attachmentId)) {
            Downloads.send(content, response);
        }
    }

    static @Nullable Severity severity(@Nullable String value) {
        return org.koban.server.shared.Validation.choice(Severity.class, "severity", value);
    }
}
