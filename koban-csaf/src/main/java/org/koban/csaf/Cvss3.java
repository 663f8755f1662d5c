package org.koban.csaf;

import java.math.BigDecimal;

/** CVSS v3.0 and v3.1 vectors and scores as FIRST's specification documents define them. */
final class Cvss3 {
    /** The metrics, in the order of the specification's tables. */
    static final CvssMetrics METRICS = new CvssMetrics("X");

    private static final String AV_VALUES = "N=NETWORK,A=ADJACENT_NETWORK,L=LOCAL,P=PHYSICAL";
    private static final String LH = "L=LOW,H=HIGH";
    private static final String NLH = "N=NONE,L=LOW,H=HIGH";
    private static final String UI_VALUES = "N=NONE,R=REQUIRED";
    private static final String S_VALUES = "U=UNCHANGED,C=CHANGED";
    private static final String REQ = "X=NOT_DEFINED,L=LOW,M=MEDIUM,H=HIGH";

    static final int AV = base("AV", "attackVector", AV_VALUES);
    static final int AC = base("AC", "attackComplexity", LH);
    static final int PR = base("PR", "privilegesRequired", NLH);
    static final int UI = base("UI", "userInteraction", UI_VALUES);
    static final int S = base("S", "scope", S_VALUES);
    static final int C = base("C", "confidentialityImpact", NLH);
    static final int I = base("I", "integrityImpact", NLH);
    static final int A = base("A", "availabilityImpact", NLH);
    static final int E =
            other("E", "exploitCodeMaturity", "X=NOT_DEFINED,U=UNPROVEN,P=PROOF_OF_CONCEPT,F=FUNCTIONAL,H=HIGH");
    static final int RL =
            other("RL", "remediationLevel", "X=NOT_DEFINED,O=OFFICIAL_FIX,T=TEMPORARY_FIX,W=WORKAROUND,U=UNAVAILABLE");
    static final int RC = other("RC", "reportConfidence", "X=NOT_DEFINED,U=UNKNOWN,R=REASONABLE,C=CONFIRMED");
    static final int CR = other("CR", "confidentialityRequirement", REQ);
    static final int IR = other("IR", "integrityRequirement", REQ);
    static final int AR = other("AR", "availabilityRequirement", REQ);
    static final int MAV = other("MAV", "modifiedAttackVector", "X=NOT_DEFINED," + AV_VALUES);
    static final int MAC = other("MAC", "modifiedAttackComplexity", "X=NOT_DEFINED," + LH);
    static final int MPR = other("MPR", "modifiedPrivilegesRequired", "X=NOT_DEFINED," + NLH);
    static final int MUI = other("MUI", "modifiedUserInteraction", "X=NOT_DEFINED," + UI_VALUES);
    static final int MS = other("MS", "modifiedScope", "X=NOT_DEFINED," + S_VALUES);
    static final int MC = other("MC", "modifiedConfidentialityImpact", "X=NOT_DEFINED," + NLH);
    static final int MI = other("MI", "modifiedIntegrityImpact", "X=NOT_DEFINED," + NLH);
    static final int MA = other("MA", "modifiedAvailabilityImpact", "X=NOT_DEFINED," + NLH);

    private static int base(String key, String property, String values) {
        return METRICS.define(key, property, values, true);
    }

    private static int other(String key, String property, String values) {
        return METRICS.define(key, property, values, false);
    }

    private Cvss3() {}

    /**
     * Parses {@code CVSS:3.x/AV:N/...} (see {@link CvssMetrics}); null if the vector is malformed (unknown, repeated
     * or missing base metric, bad value).
     */
    static byte[] parse(String vector) {
        if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
            return null;
        }
        return METRICS.parse(vector, 9);
    }

    /** Base, temporal and environmental scores of a parsed vector. */
    record Scores(BigDecimal base, BigDecimal temporal, BigDecimal environmental) {}

    static Scores scores(byte[] m, boolean v30) {
        boolean changed = v(m, S).equals("C");
        double iss = 1 - (1 - cia(v(m, C))) * (1 - cia(v(m, I))) * (1 - cia(v(m, A)));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av(v(m, AV)) * ac(v(m, AC)) * pr(v(m, PR), changed) * ui(v(m, UI));
        double base;
        if (impact <= 0) {
            base = 0;
        } else if (changed) {
            base = roundUp(Math.min(1.08 * (impact + exploitability), 10), v30);
        } else {
            base = roundUp(Math.min(impact + exploitability, 10), v30);
        }
        double temporalFactor = e(v(m, E)) * rl(v(m, RL)) * rc(v(m, RC));
        double temporal = roundUp(base * temporalFactor, v30);

        String ms = mod(m, MS, S);
        boolean mChanged = ms.equals("C");
        double miss = Math.min(
                1
                        - (1 - req(v(m, CR)) * cia(mod(m, MC, C)))
                                * (1 - req(v(m, IR)) * cia(mod(m, MI, I)))
                                * (1 - req(v(m, AR)) * cia(mod(m, MA, A))),
                0.915);
        double mImpact;
        if (mChanged) {
            mImpact = v30
                    ? 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15)
                    : 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        } else {
            mImpact = 6.42 * miss;
        }
        double mExploitability =
                8.22 * av(mod(m, MAV, AV)) * ac(mod(m, MAC, AC)) * pr(mod(m, MPR, PR), mChanged) * ui(mod(m, MUI, UI));
        double environmental;
        if (mImpact <= 0) {
            environmental = 0;
        } else if (mChanged) {
            environmental =
                    roundUp(roundUp(Math.min(1.08 * (mImpact + mExploitability), 10), v30) * temporalFactor, v30);
        } else {
            environmental = roundUp(roundUp(Math.min(mImpact + mExploitability, 10), v30) * temporalFactor, v30);
        }
        return new Scores(decimal(base), decimal(temporal), decimal(environmental));
    }

    static String severity(BigDecimal score) {
        double s = score.doubleValue();
        if (s == 0) {
            return "NONE";
        }
        if (s < 4) {
            return "LOW";
        }
        if (s < 7) {
            return "MEDIUM";
        }
        return s < 9 ? "HIGH" : "CRITICAL";
    }

    /**
     * A score as a decimal with one digit after the point. Every score here has gone through {@link #roundUp} (or is
     * 0), so it is the double nearest to a multiple of 0.1 and ten times it rounds to that multiple exactly; no
     * detour through the double's decimal text.
     */
    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(Math.round(d * 10), 1);
    }

    /** The value of a metric (X where the vector leaves it out). */
    private static String v(byte[] m, int metric) {
        return METRICS.value(m, metric);
    }

    /** A modified metric's value, the base metric's where it is not defined. */
    private static String mod(byte[] m, int modified, int base) {
        String v = v(m, modified);
        return v.equals("X") ? v(m, base) : v;
    }

    /** CVSS 3.1 Appendix A "Roundup" (avoids floating-point artefacts); CVSS 3.0 used a plain ceiling. */
    static double roundUp(double d, boolean v30) {
        if (v30) {
            return Math.ceil(d * 10) / 10.0;
        }
        long i = Math.round(d * 100000);
        return i % 10000 == 0 ? i / 100000.0 : (Math.floor(i / 10000.0) + 1) / 10.0;
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0;
        };
    }

    private static double av(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double ac(String v) {
        return v.equals("L") ? 0.77 : 0.44;
    }

    private static double pr(String v, boolean changed) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> changed ? 0.68 : 0.62;
            default -> changed ? 0.5 : 0.27;
        };
    }

    private static double ui(String v) {
        return v.equals("N") ? 0.85 : 0.62;
    }

    private static double e(String v) {
        return switch (v) {
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> 1;
        };
    }

    private static double rl(String v) {
        return switch (v) {
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> 1;
        };
    }

    private static double rc(String v) {
        return switch (v) {
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> 1;
        };
    }

    private static double req(String v) {
        return switch (v) {
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> 1;
        };
    }
}
