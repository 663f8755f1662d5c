package org.koban.server.coordination;

import java.util.UUID;

/** A case's embargo ended (its date, the PSIRT, or at once on public knowledge); published in that transaction. */
public record EmbargoEnded(UUID caseId, String caseReference, String reason) {}
