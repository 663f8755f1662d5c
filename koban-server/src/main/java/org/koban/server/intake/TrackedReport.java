package org.koban.server.intake;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the reporter sees through the tracking link: the state, the conversation (never internal notes), their
 * files, and once the report became or joined a case, that case's public progress.
 */
public record TrackedReport(
        String reference,
        Instant receivedAt,
        ReportState state,
        int attachmentCount,
        List<ReportMessage> messages,
        List<ReportAttachment> attachments,
        @Nullable String caseReference,
        CaseProgress.@Nullable PublicProgress progress) {

    /** The reporter may write and add files until the report is withdrawn or closed. */
    public boolean canReply() {
        return state != ReportState.WITHDRAWN && state != ReportState.CLOSED;
    }
}
