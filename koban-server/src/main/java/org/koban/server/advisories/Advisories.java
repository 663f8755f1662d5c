package org.koban.server.advisories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * Drafting, reviewing, approving and publishing advisories ({@link AdvisoryState}). Authors need
 * {@code ADVISORY_EDIT}, approvers {@code ADVISORY_APPROVE}; with the four-eyes rule
 * ({@code koban.advisories.four-eyes}, on by default) nobody approves a revision they edited. Koban keeps the
 * tracking id, the version, the revision history and the release dates; nobody types them. Every step is
 * audited and written on the case's timeline.
 */
public interface Advisories {

    List<AdvisoryView> list(Actor actor);

    AdvisoryView get(Actor actor, UUID advisoryId);

    /** The advisory of a case, if it has one. */
    @Nullable
    AdvisoryView ofCase(Actor actor, UUID caseId);

    /** A draft pre-filled from the case: its title and summary, and everything the rendering takes from it. */
    AdvisoryView createFromCase(Actor actor, UUID caseId);

    AdvisoryView update(Actor actor, UUID advisoryId, AdvisoryCommand command);

    AdvisoryPreview preview(Actor actor, UUID advisoryId);

    AdvisoryView submit(Actor actor, UUID advisoryId);

    AdvisoryView requestChanges(Actor actor, UUID advisoryId, @Nullable String reason);

    /** Refused, field by field, while the preview is not valid. Freezes the document that will be published. */
    AdvisoryView approve(Actor actor, UUID advisoryId);

    /** Back to draft to change an approved revision before it is published. */
    AdvisoryView withdraw(Actor actor, UUID advisoryId);

    /** Publishes the approved revision now: it becomes version n+1 with today's date. */
    AdvisoryView publish(Actor actor, UUID advisoryId);

    /**
     * Schedules the publication of an approved advisory: at {@code at} (in the future), or when the case's
     * embargo ends ({@code atEmbargoEnd}; it needs a binding embargo), whichever comes first; neither clears
     * the schedule. Publication then happens by itself ({@link #publishDue}).
     */
    AdvisoryView schedule(Actor actor, UUID advisoryId, @Nullable Instant at, boolean atEmbargoEnd);

    /**
     * Publishes every approved advisory whose moment has come at {@code now}: its time passed, or its case's
     * embargo ended. Called by a scheduled check; safe on several nodes. Returns how many.
     */
    int publishDue(Instant now);

    /** Starts the next revision of a published advisory, as a draft; {@code summary} says what changes. */
    AdvisoryView startRevision(Actor actor, UUID advisoryId, @Nullable String summary);

    /**
     * Every published advisory's current revision, oldest first: for the public site. Takes no actor because
     * it holds only what is public.
     */
    List<PublishedAdvisory> published();

    /** The CSAF document of a published revision, exactly as published. */
    String publishedCsaf(Actor actor, UUID advisoryId, int revision);
}
