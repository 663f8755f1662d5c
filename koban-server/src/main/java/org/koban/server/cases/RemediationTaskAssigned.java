package org.koban.server.cases;

import java.time.LocalDate;
import java.util.UUID;

/** A production line got a remediation task on a case; its engineers should hear about it. */
public record RemediationTaskAssigned(
        UUID caseId,
        String caseReference,
        String caseTitle,
        UUID taskId,
        UUID lineId,
        String lineName,
        LocalDate due) {}
