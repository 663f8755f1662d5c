package org.koban.server.scoring.web;

import java.math.BigDecimal;
import org.koban.server.scoring.CvssScore;

/**
 * A score in the shape of FIRST's CVSS JSON objects ({@code cvss-v3.1.json}, {@code cvss-v4.0.json}), so
 * that clients can copy it into CSAF and CVE records, plus the v4.0 nomenclature.
 */
record CvssResult(String version, String vectorString, BigDecimal baseScore, String baseSeverity, String nomenclature) {

    static CvssResult of(CvssScore score) {
        return new CvssResult(
                score.version().label(),
                score.vector(),
                score.baseScore(),
                score.severity().name(),
                score.nomenclature());
    }
}
