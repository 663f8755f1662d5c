package org.koban.server.intake;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.shared.Page;

/**
 * The PSIRT's side of intake: the triage queue and the decisions on a report. Every decision is checked by
 * the permission service, moves the report through {@link ReportState}, and is audited in the same
 * transaction. Opening a case and merging into one are driven by the cases module, which calls
 * {@link #accept} and {@link #merge} inside its own transaction.
 */
public interface Triage {

    int MAX_MESSAGE_LENGTH = 20_000;

    Page<ReportSummary> queue(Actor actor, TriageQuery query);

    ReportDetail report(Actor actor, UUID reportId);

    /** Tells the reporter we have their report (optionally with a message); stops the acknowledgement clock. */
    ReportDetail acknowledge(Actor actor, UUID reportId, @Nullable String message);

    /** Asks the reporter a question: the report waits for them and the triage clock pauses. */
    ReportDetail askForInformation(Actor actor, UUID reportId, String question);

    /** Resumes triage without waiting longer for the reporter. */
    ReportDetail resume(Actor actor, UUID reportId);

    /**
     * Closes a report without a case.
     *
     * @param forwardedTo required for {@link CloseReason#OTHER_VENDOR}: to whom the report was forwarded
     * @param messageToReporter optional explanation sent to the reporter
     */
    ReportDetail close(
            Actor actor,
            UUID reportId,
            CloseReason reason,
            @Nullable String forwardedTo,
            @Nullable String messageToReporter);

    /** A message to the reporter, or an internal note when {@code internal}. */
    ReportDetail message(Actor actor, UUID reportId, String body, boolean internal);

    /** The report became a new case. Called by the cases module in its transaction. */
    ReportDetail accept(Actor actor, UUID reportId, CaseLink link);

    /** The report is a duplicate of an existing case; the reporter keeps their credit. */
    ReportDetail merge(Actor actor, UUID reportId, CaseLink link);

    /** The reports that became or were merged into a case, oldest first. No permission check: for cases. */
    List<ReportDetail> reportsOfCase(UUID caseId);

    /**
     * Tells the reporters of a case about its progress (by email when they left one). No permission check:
     * the cases module calls it on its own transitions.
     */
    void notifyReportersOfCase(UUID caseId, String subject, String text);

    /** A message to every reporter of the case (the case page's "message to reporters"). */
    void messageReportersOfCase(Actor actor, UUID caseId, String body);

    /**
     * Raises acknowledgement and triage SLA alerts for open reports (each once). Called by the scheduled SLA
     * check inside its transaction.
     *
     * @return how many new alerts were raised
     */
    int raiseSlaAlerts(java.time.Instant now);

    /** How fast the PSIRT acknowledges and triages, for the dashboard. */
    ReportTimings timings(Actor actor);

    /** Downloads a report's file, for people allowed to triage and to download proof-of-concept files. */
    AttachmentContent openAttachment(Actor actor, UUID reportId, UUID attachmentId);

    /**
     * A file of a report linked to the case. The caller (the cases module) has already checked that the actor
     * may download the case's files; this only makes sure the file belongs to that case.
     */
    AttachmentContent openCaseAttachment(UUID caseId, UUID attachmentId);
}
