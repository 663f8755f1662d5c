package org.koban.server.coordination.web;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.EmbargoView;
import org.koban.server.coordination.Embargoes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's embargo over REST. Ends are a local date-time plus an IANA time zone. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/embargo")
class EmbargoApi {

    private final Embargoes embargoes;

    EmbargoApi(Embargoes embargoes) {
        this.embargoes = embargoes;
    }

    record EndBody(@Nullable LocalDateTime end, @Nullable String timeZone) {}

    record ReasonBody(@Nullable String reason) {}

    @GetMapping
    EmbargoView get(Actor actor, @PathVariable UUID caseId) {
        return embargoes.get(actor, caseId);
    }

    @PostMapping("/proposal")
    EmbargoView propose(Actor actor, @PathVariable UUID caseId, @RequestBody EndBody body) {
        return embargoes.propose(actor, caseId, body.end(), body.timeZone());
    }

    @PostMapping("/acceptance")
    EmbargoView accept(Actor actor, @PathVariable UUID caseId) {
        return embargoes.accept(actor, caseId);
    }

    record ResponseBody(
            @Nullable UUID participantId, @Nullable Boolean accepted) {}

    /** One participant's answer to the proposal on the table. */
    @PostMapping("/responses")
    EmbargoView respond(Actor actor, @PathVariable UUID caseId, @RequestBody ResponseBody body) {
        if (body.participantId() == null) {
            throw org.koban.server.shared.InvalidInputException.of("participantId", "is required");
        }
        return embargoes.respond(actor, caseId, body.participantId(), Boolean.TRUE.equals(body.accepted()));
    }

    @PostMapping("/rejection")
    EmbargoView reject(Actor actor, @PathVariable UUID caseId) {
        return embargoes.reject(actor, caseId);
    }

    @PostMapping("/revision")
    EmbargoView revise(Actor actor, @PathVariable UUID caseId, @RequestBody EndBody body) {
        return embargoes.revise(actor, caseId, body.end(), body.timeZone());
    }

    @PostMapping("/end")
    EmbargoView end(Actor actor, @PathVariable UUID caseId, @RequestBody ReasonBody body) {
        return embargoes.end(actor, caseId, body.reason());
    }
}
