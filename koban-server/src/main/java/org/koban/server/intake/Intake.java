package org.koban.server.intake;

import java.util.List;
import java.util.Optional;

/**
 * The reporter-facing side of intake: anonymous submission, tracking through a capability link, withdrawal.
 * No actor: reporters have no account. Every submission is checked whole (all problems at once) and stored
 * in one transaction with its attachments, or not at all.
 */
public interface Intake {

    /**
     * Stores a report with its attachments.
     *
     * @throws org.koban.server.shared.InvalidInputException listing every problem; nothing stored
     * @throws AttachmentsTooLargeException when a file or all files exceed the limits; nothing stored
     */
    SubmittedReport submit(ReportSubmission submission, List<AttachmentUpload> attachments);

    /** The report behind a tracking capability; empty for an unknown one. */
    Optional<TrackedReport> track(String capability);

    /**
     * The reporter withdraws their report (from any open state).
     *
     * @throws org.koban.server.shared.NotFoundException for an unknown capability
     * @throws org.koban.server.shared.InvalidInputException when the report is no longer open
     */
    TrackedReport withdraw(String capability);

    /**
     * The reporter writes to the PSIRT and may add files. A report waiting for information goes back to
     * triage, and its clock runs again.
     *
     * @throws org.koban.server.shared.NotFoundException for an unknown capability
     * @throws org.koban.server.shared.InvalidInputException for an empty or too long message, or a report
     *     that was closed or withdrawn
     * @throws AttachmentsTooLargeException when the files exceed what the report may still take
     */
    TrackedReport reply(String capability, String message, List<AttachmentUpload> attachments);

    /** Products a reporter may pick on the public form: public names only. */
    List<ProductChoice> productChoices();

    /** The text of {@code /.well-known/security.txt} (RFC 9116). */
    String securityTxt();
}
