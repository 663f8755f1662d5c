package org.koban.server.coordination;

import java.util.UUID;

/** A participant wrote or uploaded on the portal: the PSIRT team is told (reference and link only). */
public record ParticipantWrote(UUID caseId, String caseReference, String partyName) {}
