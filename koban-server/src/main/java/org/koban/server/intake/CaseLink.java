package org.koban.server.intake;

import java.util.UUID;

/** The case a report became (accepted) or was merged into (duplicate). */
public record CaseLink(UUID caseId, String caseReference) {}
