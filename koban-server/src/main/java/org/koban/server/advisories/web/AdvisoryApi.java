package org.koban.server.advisories.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryCommand;
import org.koban.server.advisories.AdvisoryPreview;
import org.koban.server.advisories.AdvisoryView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Advisories over REST: drafting from a case, editing, the preview with its findings, and the workflow. */
@RestController
class AdvisoryApi {

    private final Advisories advisories;

    AdvisoryApi(Advisories advisories) {
        this.advisories = advisories;
    }

    record ReasonBody(@Nullable String reason) {}

    @GetMapping("/api/v1/advisories")
    List<AdvisoryView> list(Actor actor) {
        return advisories.list(actor);
    }

    @PostMapping("/api/v1/cases/{caseId}/advisory")
    @ResponseStatus(HttpStatus.CREATED)
    AdvisoryView create(Actor actor, @PathVariable UUID caseId) {
        return advisories.createFromCase(actor, caseId);
    }

    @GetMapping("/api/v1/advisories/{id}")
    AdvisoryView get(Actor actor, @PathVariable UUID id) {
        return advisories.get(actor, id);
    }

    @PutMapping("/api/v1/advisories/{id}")
    AdvisoryView update(Actor actor, @PathVariable UUID id, @RequestBody AdvisoryCommand command) {
        return advisories.update(actor, id, command);
    }

    /** The CSAF document as it would be published now, and what the validator says about it. */
    @GetMapping("/api/v1/advisories/{id}/preview")
    AdvisoryPreview preview(Actor actor, @PathVariable UUID id) {
        return advisories.preview(actor, id);
    }

    @PostMapping("/api/v1/advisories/{id}/submission")
    AdvisoryView submit(Actor actor, @PathVariable UUID id) {
        return advisories.submit(actor, id);
    }

    @PostMapping("/api/v1/advisories/{id}/changes-requested")
    AdvisoryView requestChanges(Actor actor, @PathVariable UUID id, @RequestBody ReasonBody body) {
        return advisories.requestChanges(actor, id, body.reason());
    }

    @PostMapping("/api/v1/advisories/{id}/approval")
    AdvisoryView approve(Actor actor, @PathVariable UUID id) {
        return advisories.approve(actor, id);
    }

    @PostMapping("/api/v1/advisories/{id}/withdrawal")
    AdvisoryView withdraw(Actor actor, @PathVariable UUID id) {
        return advisories.withdraw(actor, id);
    }

    @PostMapping("/api/v1/advisories/{id}/publication")
    AdvisoryView publish(Actor actor, @PathVariable UUID id) {
        return advisories.publish(actor, id);
    }

    record ScheduleBody(
            java.time.@Nullable Instant at, @Nullable Boolean atEmbargoEnd) {}

    /** Publishes the approved advisory by itself at {@code at}, or when the case's embargo ends. */
    @PostMapping("/api/v1/advisories/{id}/schedule")
    AdvisoryView schedule(Actor actor, @PathVariable UUID id, @RequestBody ScheduleBody body) {
        return advisories.schedule(actor, id, body.at(), Boolean.TRUE.equals(body.atEmbargoEnd()));
    }

    @PostMapping("/api/v1/advisories/{id}/revisions")
    AdvisoryView startRevision(Actor actor, @PathVariable UUID id, @RequestBody ReasonBody body) {
        return advisories.startRevision(actor, id, body.reason());
    }

    @GetMapping(path = "/api/v1/advisories/{id}/revisions/{number}/csaf", produces = MediaType.APPLICATION_JSON_VALUE)
    String publishedCsaf(Actor actor, @PathVariable UUID id, @PathVariable int number) {
        return advisories.publishedCsaf(actor, id, number);
    }
}
