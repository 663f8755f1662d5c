package org.koban.csaf;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** CVSS v2 vectors and scores as FIRST's CVSS v2 guide (section 3) defines them. */
final class Cvss2 {
    /** The metrics, in the order of the guide's tables. */
    static final CvssMetrics METRICS = new CvssMetrics("ND");

    private static final String IMP = "N=NONE,P=PARTIAL,C=COMPLETE";
    private static final String REQ = "L=LOW,M=MEDIUM,H=HIGH,ND=NOT_DEFINED";

    static final int AV = METRICS.define("AV", "accessVector", "L=LOCAL,A=ADJACENT_NETWORK,N=NETWORK", true);
    static final int AC = METRICS.define("AC", "accessComplexity", "H=HIGH,M=MEDIUM,L=LOW", true);
    static final int AU = METRICS.define("Au", "authentication", "M=MULTIPLE,S=SINGLE,N=NONE", true);
    static final int C = METRICS.define("C", "confidentialityImpact", IMP, true);
    static final int I = METRICS.define("I", "integrityImpact", IMP, true);
    static final int A = METRICS.define("A", "availabilityImpact", IMP, true);
    static final int E = METRICS.define(
            "E", "exploitability", "U=UNPROVEN,POC=PROOF_OF_CONCEPT,F=FUNCTIONAL,H=HIGH,ND=NOT_DEFINED", false);
    static final int RL = METRICS.define(
            "RL",
            "remediationLevel",
            "OF=OFFICIAL_FIX,TF=TEMPORARY_FIX,W=WORKAROUND,U=UNAVAILABLE,ND=NOT_DEFINED",
            false);
    static final int RC = METRICS.define(
            "RC", "reportConfidence", "UC=UNCONFIRMED,UR=UNCORROBORATED,C=CONFIRMED,ND=NOT_DEFINED", false);
    static final int CDP = METRICS.define(
            "CDP",
            "collateralDamagePotential",
            "N=NONE,L=LOW,LM=LOW_MEDIUM,MH=MEDIUM_HIGH,H=HIGH,ND=NOT_DEFINED",
            false);
    static final int TD =
            METRICS.define("TD", "targetDistribution", "N=NONE,L=LOW,M=MEDIUM,H=HIGH,ND=NOT_DEFINED", false);
    static final int CR = METRICS.define("CR", "confidentialityRequirement", REQ, false);
    static final int IR = METRICS.define("IR", "integrityRequirement", REQ, false);
    static final int AR = METRICS.define("AR", "availabilityRequirement", REQ, false);

    private Cvss2() {}

    /** Parses {@code AV:N/AC:L/...} (see {@link CvssMetrics}); null if malformed. */
    static byte[] parse(String vector) {
        if (vector == null || vector.isEmpty()) {
            return null;
        }
        return METRICS.parse(vector, 0);
    }

    static Cvss3.Scores scores(byte[] m) {
        double c = imp(v(m, C));
        double i = imp(v(m, I));
        double a = imp(v(m, A));
        double exploitability = 20 * av(v(m, AV)) * ac(v(m, AC)) * au(v(m, AU));
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double base = base(impact, exploitability);
        double temporalFactor = e(v(m, E)) * rl(v(m, RL)) * rc(v(m, RC));
        double temporal = round1(base * temporalFactor);
        double adjustedImpact =
                Math.min(10, 10.41 * (1 - (1 - c * req(v(m, CR))) * (1 - i * req(v(m, IR))) * (1 - a * req(v(m, AR)))));
        double adjustedTemporal = round1(base(adjustedImpact, exploitability) * temporalFactor);
        double environmental = round1((adjustedTemporal + (10 - adjustedTemporal) * cdp(v(m, CDP))) * td(v(m, TD)));
        return new Cvss3.Scores(decimal(base), decimal(temporal), decimal(environmental));
    }

    /** The value of a metric (ND where the vector leaves it out). */
    private static String v(byte[] m, int metric) {
        return METRICS.value(m, metric);
    }

    private static double base(double impact, double exploitability) {
        double f = impact == 0 ? 0 : 1.176;
        return round1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f);
    }

    /** Round to one decimal, half up, on the decimal representation (avoids 4.35 becoming 4.3). */
    private static double round1(double d) {
        return BigDecimal.valueOf(d)
                .setScale(10, RoundingMode.HALF_UP)
                .setScale(1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP);
    }

    private static double imp(String v) {
        return switch (v) {
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> 0;
        };
    }

    private static double av(String v) {
        return switch (v) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
    }

    private static double ac(String v) {
        return switch (v) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
    }

    private static double au(String v) {
        return switch (v) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
    }

    private static double e(String v) {
        return switch (v) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1;
        };
    }

    private static double rl(String v) {
        return switch (v) {
            case "OF" -> 0.87;
            case "TF" -> 0.90;
            case "W" -> 0.95;
            default -> 1;
        };
    }

    private static double rc(String v) {
        return switch (v) {
            case "UC" -> 0.90;
            case "UR" -> 0.95;
            default -> 1;
        };
    }

    private static double cdp(String v) {
        return switch (v) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0;
        };
    }

    private static double td(String v) {
        return switch (v) {
            case "N" -> 0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1;
        };
    }

    private static double req(String v) {
        return switch (v) {
            case "L" -> 0.5;
            case "H" -> 1.51;
            default -> 1;
        };
    }
}
