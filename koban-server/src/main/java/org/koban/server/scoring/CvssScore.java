package org.koban.server.scoring;

import java.math.BigDecimal;

/**
 * A checked and scored CVSS vector.
 *
 * @param version the CVSS version of the vector
 * @param vector the vector in FIRST's metric order, without metrics set to {@code X} (Not Defined)
 * @param baseScore the score with one decimal: for v3.1 the base score (temporal and environmental metrics
 *     are kept in the vector but do not change it); for v4.0 the CVSS score of all metrics given, whose
 *     kind {@code nomenclature} names
 * @param severity FIRST's qualitative rating of {@code baseScore}
 * @param nomenclature {@code CVSS-B} for a base score; for v4.0 also {@code CVSS-BT}, {@code CVSS-BE} or
 *     {@code CVSS-BTE} when threat and/or environmental metrics are part of the score (v4.0 section 1.3)
 */
public record CvssScore(
        CvssVersion version, String vector, BigDecimal baseScore, Severity severity, String nomenclature) {}
