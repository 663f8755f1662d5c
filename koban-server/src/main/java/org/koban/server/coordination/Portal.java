package org.koban.server.coordination;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * The participant portal: what outside participants (the {@code PARTICIPANT} role) see and do. A person sees
 * the cases that have their party as participant, and of each only what it shares with them; the permission
 * service decides on the party ({@code SHARED_CASE_VIEW}, {@code SHARED_CASE_ANSWER}), the sharing on each
 * item. Anything else answers "not found". Every view and every answer is audited and on the case's timeline.
 */
public interface Portal {

    /** A participant's upload may be at most this large. */
    long MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

    List<SharedCaseSummary> cases(Actor actor);

    /** The case as shared with the participant; records that they looked at it. */
    SharedCase open(Actor actor, UUID participantId);

    /** The same without recording a view: to show the page again after a refused answer. */
    SharedCase view(Actor actor, UUID participantId);

    SharedCase answer(
            Actor actor,
            UUID participantId,
            UUID vulnerabilityId,
            @Nullable ParticipantStatus status,
            @Nullable String statement,
            @Nullable List<String> references);

    /** Accepts or rejects the embargo end on the table. */
    SharedCase respondToEmbargo(Actor actor, UUID participantId, boolean accepted);

    SharedCase write(Actor actor, UUID participantId, String body);

    SharedCase upload(Actor actor, UUID participantId, String fileName, InputStream content);

    /** A reporter's file shared with the participant, or one of their own uploads. */
    FileContent openFile(Actor actor, UUID participantId, UUID fileId);

    SharedTimelineExport export(Actor actor, UUID participantId);
}
