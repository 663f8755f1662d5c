package org.koban.server.coordination.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.ParticipantStatus;
import org.koban.server.coordination.ParticipantView;
import org.koban.server.coordination.Participants;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Validation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Participants of a case over REST. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/participants")
class ParticipantApi {

    private final Participants participants;

    ParticipantApi(Participants participants) {
        this.participants = participants;
    }

    record AddBody(
            @Nullable UUID partyId,
            @Nullable String role,
            @Nullable String theirReference,
            @Nullable Instant firstContactedAt) {}

    record UpdateBody(
            @Nullable String theirReference, @Nullable Instant firstContactedAt) {}

    record AnswerBody(
            @Nullable UUID vulnerabilityId,
            @Nullable String status,
            @Nullable String statement,
            @Nullable List<String> references) {}

    @GetMapping
    List<ParticipantView> list(Actor actor, @PathVariable UUID caseId) {
        return participants.list(actor, caseId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ParticipantView add(Actor actor, @PathVariable UUID caseId, @RequestBody AddBody body) {
        if (body.partyId() == null) throw InvalidInputException.of("partyId", "is required");
        return participants.add(
                actor, caseId, body.partyId(), role(body.role()), body.theirReference(), body.firstContactedAt());
    }

    @PutMapping("/{participantId}")
    ParticipantView update(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, @RequestBody UpdateBody body) {
        return participants.update(actor, caseId, participantId, body.theirReference(), body.firstContactedAt());
    }

    @DeleteMapping("/{participantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        participants.remove(actor, caseId, participantId);
    }

    record RemindersBody(@Nullable Integer remindEveryDays) {}

    @PutMapping("/{participantId}/reminders")
    ParticipantView reminders(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, @RequestBody RemindersBody body) {
        return participants.remindEvery(actor, caseId, participantId, body.remindEveryDays());
    }

    @PostMapping("/{participantId}/answers")
    ParticipantView answer(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, @RequestBody AnswerBody body) {
        if (body.vulnerabilityId() == null) throw InvalidInputException.of("vulnerabilityId", "is required");
        return participants.answer(
                actor,
                caseId,
                participantId,
                body.vulnerabilityId(),
                status(body.status()),
                body.statement(),
                body.references());
    }

    static @Nullable ParticipantRole role(@Nullable String value) {
        return Validation.choice(ParticipantRole.class, "role", value);
    }

    static @Nullable ParticipantStatus status(@Nullable String value) {
        return Validation.choice(ParticipantStatus.class, "status", value);
    }
}
