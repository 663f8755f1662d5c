package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.ParticipantFile;
import org.koban.server.coordination.ShareCommand;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.coordination.Sharing;
import org.koban.server.coordination.SharingView;
import org.koban.server.coordination.ThreadEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What a case shares with one participant, their thread, files, export and invitations, over REST. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/participants/{participantId}")
class SharingApi {

    private final Sharing sharing;

    SharingApi(Sharing sharing) {
        this.sharing = sharing;
    }

    record ShareBody(
            @Nullable Boolean summary,
            @Nullable Boolean reporterContact,
            @Nullable Set<UUID> vulnerabilityIds,
            @Nullable Set<UUID> attachmentIds) {}

    record MessageBody(@Nullable String body) {}

    record InvitationBody(@Nullable String email, @Nullable String displayName) {}

    @GetMapping("/sharing")
    SharingView get(Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        return sharing.get(actor, caseId, participantId);
    }

    /** Replaces what is shared: anything not listed stops being shared. */
    @PutMapping("/sharing")
    SharingView share(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, @RequestBody ShareBody body) {
        return sharing.share(
                actor,
                caseId,
                participantId,
                new ShareCommand(
                        Boolean.TRUE.equals(body.summary()),
                        Boolean.TRUE.equals(body.reporterContact()),
                        body.vulnerabilityIds(),
                        body.attachmentIds()));
    }

    @GetMapping("/messages")
    List<ThreadEntry> thread(Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        return sharing.thread(actor, caseId, participantId);
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    List<ThreadEntry> write(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId, @RequestBody MessageBody body) {
        return sharing.write(actor, caseId, participantId, body.body() == null ? "" : body.body());
    }

    @GetMapping("/files")
    List<ParticipantFile> files(Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        return sharing.files(actor, caseId, participantId);
    }

    @GetMapping("/files/{fileId}")
    void download(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @PathVariable UUID fileId,
            HttpServletResponse response)
            throws IOException {
        SharedResponses.send(sharing.openFile(actor, caseId, participantId, fileId), response);
    }

    /** The shared timeline as the participant sees it, for their records or another tool. */
    @GetMapping("/export")
    ResponseEntity<SharedTimelineExport> export(
            Actor actor, @PathVariable UUID caseId, @PathVariable UUID participantId) {
        return SharedResponses.export(sharing.export(actor, caseId, participantId));
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    SharingView invite(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID participantId,
            @RequestBody InvitationBody body) {
        return sharing.invite(
                actor,
                caseId,
                participantId,
                body.email() == null ? "" : body.email(),
                body.displayName() == null ? "" : body.displayName());
    }
}
