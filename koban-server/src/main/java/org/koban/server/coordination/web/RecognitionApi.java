package org.koban.server.coordination.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.Recognition;
import org.koban.server.coordination.Recognitions;
import org.koban.server.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Third-party recognition of a case over REST. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/recognitions")
class RecognitionApi {

    private final Recognitions recognitions;

    RecognitionApi(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    record Body(
            @Nullable UUID partyId,
            @Nullable String theirId,
            @Nullable String url,
            @Nullable LocalDate confirmedOn) {}

    @GetMapping
    List<Recognition> list(Actor actor, @PathVariable UUID caseId) {
        return recognitions.list(actor, caseId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Recognition record(Actor actor, @PathVariable UUID caseId, @RequestBody Body body) {
        if (body.partyId() == null) throw InvalidInputException.of("partyId", "is required");
        return recognitions.record(actor, caseId, body.partyId(), body.theirId(), body.url(), body.confirmedOn());
    }

    @DeleteMapping("/{recognitionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable UUID caseId, @PathVariable UUID recognitionId) {
        recognitions.remove(actor, caseId, recognitionId);
    }
}
