package org.koban.server.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CvssScore;
import org.koban.server.scoring.CvssVersion;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import us.springett.cvss.MalformedVectorException;

/**
 * Checks a vector with {@link CvssVectorParser}, then scores its normalised form with
 * {@code us.springett:cvss-calculator}, which implements FIRST's v3.1 equations and v4.0 macro-vector
 * lookup.
 */
@Service
class LibraryCvss implements Cvss {

    @Override
    public CvssScore score(String vector) {
        CvssVectorParser.ParsedVector parsed = CvssVectorParser.parse(vector);
        String normalised = parsed.normalised();
        us.springett.cvss.Cvss computed;
        try {
            computed = us.springett.cvss.Cvss.fromVector(normalised);
        } catch (MalformedVectorException e) {
            // The parser accepts only what the specifications define, so this is a disagreement to report.
            throw InvalidInputException.of(CvssVectorParser.FIELD, "could not be scored: " + e.getMessage());
        }
        if (computed == null) {
            throw InvalidInputException.of(CvssVectorParser.FIELD, "could not be scored");
        }
        BigDecimal score =
                BigDecimal.valueOf(computed.calculateScore().getBaseScore()).setScale(1, RoundingMode.HALF_UP);
        return new CvssScore(parsed.metrics().version(), normalised, score, Severity.of(score), nomenclature(parsed));
    }

    private static String nomenclature(CvssVectorParser.ParsedVector parsed) {
        if (parsed.metrics().version() != CvssVersion.V4_0) return "CVSS-B";
        boolean threat = parsed.hasAny(CvssMetrics.Group.THREAT);
        boolean environmental = parsed.hasAny(CvssMetrics.Group.ENVIRONMENTAL);
        return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
    }
}
