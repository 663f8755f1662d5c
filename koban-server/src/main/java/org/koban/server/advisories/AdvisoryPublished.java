package org.koban.server.advisories;

import java.util.UUID;

/** An advisory's revision was published; published in the transaction that publishes it. */
public record AdvisoryPublished(UUID advisoryId, UUID caseId, String trackingId, int version) {}
