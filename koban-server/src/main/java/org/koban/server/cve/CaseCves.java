package org.koban.server.cve;

import java.util.List;
import java.util.UUID;

/**
 * A case's vulnerabilities with their CVE ids, for its CVE page.
 *
 * @param connected whether Koban has CNA credentials for CVE Services; without them it writes record files
 */
public record CaseCves(
        UUID caseId, String reference, String title, boolean connected, List<VulnerabilityCve> vulnerabilities) {}
