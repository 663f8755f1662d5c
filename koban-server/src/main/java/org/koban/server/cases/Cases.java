package org.koban.server.cases;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.intake.AttachmentContent;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/**
 * Cases and everything on them. Every method checks the actor through the permission service: the PSIRT sees
 * and edits every case; production-line people see a case only when one of their lines has a task on it
 * (otherwise it is "not found"), and act only on their own lines' tasks. Every change writes a timeline entry
 * and an audit record in the same transaction.
 */
public interface Cases {

    int MAX_TITLE = 200;
    int MAX_TEXT = 20_000;

    Page<CaseSummary> list(Actor actor, CaseFilter filter, PageQuery query);

    /** The case, with the newest page of its timeline. */
    CaseDetail get(Actor actor, UUID caseId, PageQuery timelinePage);

    /** Opens a case from a report (the report becomes "accepted"), as analysis, vendor aware since receipt. */
    CaseDetail openFromReport(Actor actor, UUID reportId, String title);

    /** Merges a report into an existing case as a duplicate; the reporter keeps their credit. */
    CaseDetail mergeReport(Actor actor, UUID reportId, String caseReference);

    CaseDetail update(Actor actor, UUID caseId, @Nullable String title, @Nullable String summary);

    /** Moves the case, guarded by its content (see {@link CaseState}); some moves need a reason. */
    CaseDetail move(Actor actor, UUID caseId, CaseState target, @Nullable String reason);

    /** Records one of the six facts with its date (now when null). */
    CaseDetail recordFact(Actor actor, UUID caseId, CaseFact fact, @Nullable Instant at);

    VulnerabilityView addVulnerability(Actor actor, UUID caseId, VulnerabilityCommand command);

    VulnerabilityView updateVulnerability(Actor actor, UUID caseId, UUID vulnerabilityId, VulnerabilityCommand command);

    /**
     * Sets the status of many product versions at once. A version marked affected gives its production line a
     * remediation task (one per line and case), due by the SLA policy.
     */
    CaseDetail decideStatus(Actor actor, UUID caseId, StatusDecision decision);

    /** Moves a task: its line's engineers and the PSIRT may. Released needs the fixed versions; won't fix a reason. */
    TaskView moveTask(
            Actor actor,
            UUID caseId,
            UUID taskId,
            TaskState target,
            @Nullable String fixedVersions,
            @Nullable String reason);

    /** The actor takes ownership of a task of their line. */
    TaskView takeTask(Actor actor, UUID caseId, UUID taskId);

    Page<TimelineEntry> timeline(Actor actor, UUID caseId, PageQuery query);

    /** An internal note on the timeline; engineers of the case's lines may write them. */
    CaseDetail addNote(Actor actor, UUID caseId, String text);

    /** A message to the case's reporters, through their tracking links (and email). */
    CaseDetail messageReporters(Actor actor, UUID caseId, String text);

    /** A proof-of-concept file of the case's reports, for people allowed to download them. */
    AttachmentContent openAttachment(Actor actor, UUID caseId, UUID attachmentId);

    CaseDashboard dashboard(Actor actor);
}
