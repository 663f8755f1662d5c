package org.koban.server.cases;

import java.time.Instant;
import java.util.UUID;

/** A case fact was recorded (e.g. the vulnerability became public); coordination ends embargoes on it. */
public record CaseFactRecorded(UUID caseId, String caseReference, CaseFact fact, Instant at) {}
