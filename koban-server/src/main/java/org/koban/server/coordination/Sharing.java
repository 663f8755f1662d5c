package org.koban.server.coordination;

import java.util.List;
import java.util.UUID;
import org.koban.server.access.Actor;

/**
 * The PSIRT's side of sharing a case with its participants: what each one sees, their thread, their files,
 * and invitations to the participant portal. Those who may see the case read; {@code CASE_MANAGE} changes.
 * Every share, message and invitation is audited and written on the case's timeline.
 */
public interface Sharing {

    /** Invitations are valid this long. */
    int INVITATION_DAYS = 14;

    SharingView get(Actor actor, UUID caseId, UUID participantId);

    /** Replaces what is shared with the participant; the change is told to them in their thread. */
    SharingView share(Actor actor, UUID caseId, UUID participantId, ShareCommand command);

    List<ThreadEntry> thread(Actor actor, UUID caseId, UUID participantId);

    List<ParticipantFile> files(Actor actor, UUID caseId, UUID participantId);

    /** A message to the participant: in their thread, and a notice by mail (encrypted when they have a key). */
    List<ThreadEntry> write(Actor actor, UUID caseId, UUID participantId, String body);

    /** A file the participant uploaded; needs {@code ATTACHMENT_DOWNLOAD}. */
    FileContent openFile(Actor actor, UUID caseId, UUID participantId, UUID fileId);

    SharedTimelineExport export(Actor actor, UUID caseId, UUID participantId);

    /**
     * Invites a person of the participant's party to the portal: mails them a link valid {@link
     * #INVITATION_DAYS} days with which they choose their password. A person who already has an account of that
     * party needs no invitation (they see every case shared with the party); an address used by anyone else is
     * refused.
     */
    SharingView invite(Actor actor, UUID caseId, UUID participantId, String email, String displayName);
}
