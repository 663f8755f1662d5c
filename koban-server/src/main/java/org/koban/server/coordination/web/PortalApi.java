package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.Portal;
import org.koban.server.coordination.SharedCase;
import org.koban.server.coordination.SharedCaseSummary;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The participant portal over REST, for outside participants' own tools (with a token of their account). */
@RestController
@RequestMapping("/api/v1/portal/cases")
class PortalApi {

    private final Portal portal;

    PortalApi(Portal portal) {
        this.portal = portal;
    }

    record AnswerBody(
            @Nullable String status,
            @Nullable String statement,
            @Nullable List<String> references) {}

    record EmbargoBody(@Nullable Boolean accepted) {}

    record MessageBody(@Nullable String body) {}

    @GetMapping
    List<SharedCaseSummary> cases(Actor actor) {
        return portal.cases(actor);
    }

    @GetMapping("/{participantId}")
    SharedCase open(Actor actor, @PathVariable UUID participantId) {
        return portal.open(actor, participantId);
    }

    @PutMapping("/{participantId}/answers/{vulnerabilityId}")
    SharedCase answer(
            Actor actor,
            @PathVariable UUID participantId,
            @PathVariable UUID vulnerabilityId,
            @RequestBody AnswerBody body) {
        return portal.answer(
                actor,
                participantId,
                vulnerabilityId,
                ParticipantApi.status(body.status()),
                body.statement(),
                body.references());
    }

    @PostMapping("/{participantId}/embargo-response")
    SharedCase respond(Actor actor, @PathVariable UUID participantId, @RequestBody EmbargoBody body) {
        if (body.accepted() == null) throw InvalidInputException.of("accepted", "is required: true or false");
        return portal.respondToEmbargo(actor, participantId, body.accepted());
    }

    @PostMapping("/{participantId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    SharedCase write(Actor actor, @PathVariable UUID participantId, @RequestBody MessageBody body) {
        return portal.write(actor, participantId, body.body() == null ? "" : body.body());
    }

    @PostMapping(path = "/{participantId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SharedCase upload(
            Actor actor,
            @PathVariable UUID participantId,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) throw InvalidInputException.of("file", "is required");
        try (InputStream in = file.getInputStream()) {
            return portal.upload(actor, participantId, String.valueOf(file.getOriginalFilename()), in);
        }
    }

    @GetMapping("/{participantId}/files/{fileId}")
    void download(
            Actor actor, @PathVariable UUID participantId, @PathVariable UUID fileId, HttpServletResponse response)
            throws IOException {
        SharedResponses.send(portal.openFile(actor, participantId, fileId), response);
    }

    @GetMapping("/{participantId}/export")
    ResponseEntity<SharedTimelineExport> export(Actor actor, @PathVariable UUID participantId) {
        return SharedResponses.export(portal.export(actor, participantId));
    }
}
