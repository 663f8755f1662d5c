package org.koban.server.intake;

import java.util.Optional;
import java.util.UUID;

/**
 * What a reporter may see of the case their report became: implemented by the cases module (which depends on
 * intake, so intake asks through this interface instead of the other way round).
 */
public interface CaseProgress {

    Optional<PublicProgress> of(UUID caseId);

    /**
     * @param phase the case's phase in plain words, e.g. "Remediation"
     * @param milestones dated facts safe to share, oldest first, e.g. "2026-12-01: fix ready"
     */
    record PublicProgress(String phase, java.util.List<String> milestones) {}
}
