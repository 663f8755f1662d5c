package org.koban.server.notification.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Role;
import org.koban.server.cases.RemediationTaskAssigned;
import org.koban.server.coordination.EmbargoEnded;
import org.koban.server.coordination.ParticipantNotice;
import org.koban.server.coordination.ParticipantReminderDue;
import org.koban.server.coordination.ParticipantWrote;
import org.koban.server.identity.MailRecipient;
import org.koban.server.identity.Users;
import org.koban.server.intake.ReportReceived;
import org.koban.server.intake.ReporterNotified;
import org.koban.server.intake.ReporterReplied;
import org.koban.server.notification.MailKind;
import org.koban.server.notification.Topic;
import org.koban.server.notification.internal.JdbcMailOutbox.Letter;
import org.koban.server.sla.SlaAlert;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened elsewhere into mail in the outbox. The events are published inside the transaction
 * that caused them, and these are plain (synchronous) listeners, so the mail commits or rolls back with
 * the change; the outbox refuses to be written outside a transaction.
 *
 * <p>Mail to the team carries a reference and a link into Koban, never what a reporter wrote: that stays
 * behind the sign-in. Only the reporter's own mail carries their tracking link.
 */
@Component
class MailEvents {

    private static final Set<Role> PSIRT_TEAM = Set.of(Role.PSIRT_ANALYST, Role.PSIRT_MANAGER);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcMailOutbox outbox;
    private final Users users;
    private final OptOutRecords optOuts;
    private final String publicUrl;

    MailEvents(JdbcMailOutbox outbox, Users users, OptOutRecords optOuts, org.koban.server.shared.PublicUrl publicUrl) {
        this.outbox = outbox;
        this.users = users;
        this.optOuts = optOuts;
        this.publicUrl = publicUrl.base();
    }

    @EventListener
    void on(ReportReceived report) {
        if (report.reporterEmail() != null && !report.reporterEmail().isBlank()) {
            outbox.enqueueProtected(
                    MailKind.REPORT_ACKNOWLEDGEMENT,
                    report.reporterEmail(),
                    report.reporterPgpKey(),
                    acknowledgement(report),
                    "Your report " + report.reference() + " (encrypted)",
                    reason -> unencryptedAcknowledgement(report, reason));
        }
        String link = publicUrl + "/reports/" + report.reportId();
        Letter letter = new Letter(
                "New report " + report.reference(),
                "A vulnerability report arrived: " + report.reference() + ", received "
                        + WHEN.format(report.receivedAt()) + ".\n\n"
                        + "Read and triage it in Koban:\n" + link + "\n" + footer(Topic.NEW_REPORTS));
        send(MailKind.NEW_REPORT, team(), letter);
    }

    @EventListener
    void on(ReporterNotified notice) {
        outbox.enqueueProtected(
                MailKind.REPORTER_MESSAGE,
                notice.reporterEmail(),
                notice.reporterPgpKey(),
                new Letter(
                        notice.subject() + " [" + notice.reference() + "]",
                        notice.text() + "\n\n-- \nThis mail is about your vulnerability report " + notice.reference()
                                + ". To answer, use the tracking link you received when you submitted it.\n"),
                "News about your report " + notice.reference() + " (encrypted)",
                reason -> new Letter(
                        "News about your report " + notice.reference(),
                        "There is news about your vulnerability report " + notice.reference() + ".\n\n"
                                + keyProblem(reason)
                                + "Please read it on your report's tracking page: open the tracking link you"
                                + " received when you submitted the report.\n"));
    }

    /** A reminder names only references: it must be harmless if read by the wrong person. */
    @EventListener
    void on(ParticipantReminderDue due) {
        String theirs = due.theirReference() == null ? "" : " (your reference " + due.theirReference() + ")";
        Letter letter = new Letter(
                "Reminder: case " + due.caseReference() + theirs + " awaits your answer",
                "Dear " + due.partyName() + ",\n\n"
                        + "our case " + due.caseReference() + theirs + " still has " + due.unanswered()
                        + " vulnerability(ies) without your status (under investigation, affected or not affected).\n"
                        + "Please answer your contact at our PSIRT.\n");
        for (String email : due.emails()) {
            outbox.enqueueProtected(
                    MailKind.PARTICIPANT_REMINDER,
                    email,
                    due.pgpKey(),
                    letter,
                    "Reminder from our PSIRT (encrypted)",
                    reason -> new Letter(letter.subject(), letter.text() + "\n" + keyProblem(reason)));
        }
    }

    /** Encrypted to the party's key when it has one; an invitation's link never travels to a broken key. */
    @EventListener
    void on(ParticipantNotice notice) {
        Letter letter = new Letter(notice.subject(), notice.text());
        for (String email : notice.emails()) {
            outbox.enqueueProtected(
                    MailKind.PARTICIPANT_NOTICE,
                    email,
                    notice.pgpKey(),
                    letter,
                    "From our PSIRT (encrypted)",
                    reason -> notice.confidential()
                            ? new Letter(
                                    notice.subject(),
                                    "We could not encrypt to your party's OpenPGP key: " + reason
                                            + ". So that nothing confidential travels unencrypted, this mail leaves"
                                            + " out its content; please ask your contact at our PSIRT.\n")
                            : new Letter(letter.subject(), letter.text()));
        }
    }

    /** The whole team hears of it: an early end can mean the advisory must go out now. */
    @EventListener
    void on(EmbargoEnded ended) {
        Letter letter = new Letter(
                "Embargo ended on " + ended.caseReference(),
                "The embargo on case " + ended.caseReference() + " has ended. " + ended.reason()
                        + "\n\nParticipants were told on the portal. Open the case in Koban:\n" + publicUrl + "/cases/"
                        + ended.caseId() + "/coordination\n");
        send(MailKind.EMBARGO_ENDED, team(), letter);
    }

    @EventListener
    void on(ParticipantWrote wrote) {
        Letter letter = new Letter(
                wrote.partyName() + " wrote on " + wrote.caseReference(),
                wrote.partyName() + " answered, wrote or uploaded a file on case " + wrote.caseReference()
                        + " through the participant portal.\n\nRead it in Koban:\n" + publicUrl + "/cases/"
                        + wrote.caseId() + "/coordination\n" + footer(Topic.PARTICIPANT_REPLIES));
        send(MailKind.PARTICIPANT_REPLY, team(), letter);
    }

    @EventListener
    void on(ReporterReplied reply) {
        Letter letter = new Letter(
                "The reporter of " + reply.reference() + " wrote",
                "The reporter of " + reply.reference() + " wrote a message or added files through their"
                        + " tracking link.\n\nRead it in Koban:\n" + publicUrl + "/reports/" + reply.reportId()
                        + "\n" + footer(Topic.REPORTER_REPLIES));
        send(MailKind.REPORTER_REPLY, team(), letter);
    }

    @EventListener
    void on(RemediationTaskAssigned task) {
        Letter letter = new Letter(
                "Remediation task for " + task.lineName() + " on " + task.caseReference(),
                "The production line " + task.lineName() + " has a new remediation task on case "
                        + task.caseReference() + " (" + task.caseTitle() + ").\n"
                        + "Due: " + task.due() + "\n\n"
                        + "Open the case in Koban:\n" + publicUrl + "/cases/" + task.caseId() + "\n"
                        + footer(Topic.TASK_ASSIGNMENTS));
        send(MailKind.TASK_ASSIGNED, users.recipients(Set.of(Role.LINE_ENGINEER), task.lineId()), letter);
    }

    @EventListener
    void on(SlaAlert alert) {
        boolean breach = alert.level() == SlaAlert.Level.BREACH;
        String path = alert.path().startsWith("/") ? alert.path() : "/" + alert.path();
        Letter letter = new Letter(
                (breach ? "SLA breached: " : "SLA warning: ") + alert.target() + " on " + alert.reference(),
                (breach ? "This target has passed: " : "This target is near: ") + alert.target() + " on "
                        + alert.reference() + ".\n"
                        + "Due: " + WHEN.format(alert.dueAt()) + "\n\n"
                        + "Open it in Koban:\n" + publicUrl + path + "\n"
                        + footer(breach ? Topic.SLA_BREACHES : Topic.SLA_WARNINGS));
        send(breach ? MailKind.SLA_BREACH : MailKind.SLA_WARNING, slaRecipients(alert), letter);
    }

    /**
     * The owner, else the line's engineers, else the PSIRT team. A group with nobody enabled in it passes
     * the alert on to the next, so an alert is not lost to a disabled owner or an empty line.
     */
    private List<MailRecipient> slaRecipients(SlaAlert alert) {
        if (alert.ownerUserId() != null) {
            var owner = users.recipient(alert.ownerUserId());
            if (owner.isPresent()) return List.of(owner.get());
        }
        if (alert.lineId() != null) {
            var engineers = users.recipients(Set.of(Role.LINE_ENGINEER), alert.lineId());
            if (!engineers.isEmpty()) return engineers;
        }
        return team();
    }

    private List<MailRecipient> team() {
        return users.recipients(PSIRT_TEAM, null);
    }

    /** One mail per person who has not turned this kind off. */
    private void send(MailKind kind, List<MailRecipient> recipients, Letter letter) {
        Topic topic = kind.topic();
        Set<UUID> optedOut = topic == null
                ? Set.of()
                : optOuts.optedOut(
                        topic, recipients.stream().map(MailRecipient::id).toList());
        for (MailRecipient recipient : recipients) {
            if (!optedOut.contains(recipient.id())) outbox.enqueue(kind, recipient.email(), letter);
        }
    }

    private Letter acknowledgement(ReportReceived report) {
        return new Letter(
                "We received your report " + report.reference(),
                "Thank you for your vulnerability report. We received it on " + WHEN.format(report.receivedAt())
                        + " and gave it the reference " + report.reference() + ".\n\n"
                        + "Follow your report, read our questions and answer them here:\n"
                        + report.trackingUrl() + "\n\n"
                        + "This link is the only key to your report: anyone who has it can read the report and"
                        + " write to us as you. Keep it private.\n");
    }

    private Letter unencryptedAcknowledgement(ReportReceived report, String reason) {
        return new Letter(
                "We received your report " + report.reference(),
                "Thank you for your vulnerability report. We received it on " + WHEN.format(report.receivedAt())
                        + " and gave it the reference " + report.reference() + ".\n\n"
                        + keyProblem(reason)
                        + "Please keep the tracking link that was shown to you when you submitted the report:"
                        + " it is how you follow the report and read our messages.\n");
    }

    private static String keyProblem(String reason) {
        return "You gave us an OpenPGP key, but we could not encrypt to it: " + reason + ". So that nothing"
                + " confidential travels unencrypted, this mail leaves out your tracking link and any message"
                + " text.\n\n";
    }

    private String footer(@Nullable Topic topic) {
        return topic == null
                ? ""
                : "\n-- \nYou receive this because of your role in Koban. Choose which mail you get:\n" + publicUrl
                        + "/account/notifications\n";
    }
}
