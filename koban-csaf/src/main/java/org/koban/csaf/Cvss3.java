package org.koban.csaf;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** CVSS v3.0 and v3.1 vectors and scores as FIRST's specification documents define them. */
final class Cvss3 {
    /** Vector key → JSON property name and the value each vector letter stands for. */
    static final Map<String, String> PROPERTY = new LinkedHashMap<>();

    static final Map<String, Map<String, String>> VALUES = new LinkedHashMap<>();

    static {
        String av = "N=NETWORK,A=ADJACENT_NETWORK,L=LOCAL,P=PHYSICAL";
        String lh = "L=LOW,H=HIGH";
        String nlh = "N=NONE,L=LOW,H=HIGH";
        String ui = "N=NONE,R=REQUIRED";
        String s = "U=UNCHANGED,C=CHANGED";
        String req = "X=NOT_DEFINED,L=LOW,M=MEDIUM,H=HIGH";
        def("AV", "attackVector", av);
        def("AC", "attackComplexity", lh);
        def("PR", "privilegesRequired", nlh);
        def("UI", "userInteraction", ui);
        def("S", "scope", s);
        def("C", "confidentialityImpact", nlh);
        def("I", "integrityImpact", nlh);
        def("A", "availabilityImpact", nlh);
        def("E", "exploitCodeMaturity", "X=NOT_DEFINED,U=UNPROVEN,P=PROOF_OF_CONCEPT,F=FUNCTIONAL,H=HIGH");
        def("RL", "remediationLevel", "X=NOT_DEFINED,O=OFFICIAL_FIX,T=TEMPORARY_FIX,W=WORKAROUND,U=UNAVAILABLE");
        def("RC", "reportConfidence", "X=NOT_DEFINED,U=UNKNOWN,R=REASONABLE,C=CONFIRMED");
        def("CR", "confidentialityRequirement", req);
        def("IR", "integrityRequirement", req);
        def("AR", "availabilityRequirement", req);
        def("MAV", "modifiedAttackVector", "X=NOT_DEFINED," + av);
        def("MAC", "modifiedAttackComplexity", "X=NOT_DEFINED," + lh);
        def("MPR", "modifiedPrivilegesRequired", "X=NOT_DEFINED," + nlh);
        def("MUI", "modifiedUserInteraction", "X=NOT_DEFINED," + ui);
        def("MS", "modifiedScope", "X=NOT_DEFINED," + s);
        def("MC", "modifiedConfidentialityImpact", "X=NOT_DEFINED," + nlh);
        def("MI", "modifiedIntegrityImpact", "X=NOT_DEFINED," + nlh);
        def("MA", "modifiedAvailabilityImpact", "X=NOT_DEFINED," + nlh);
    }

    private static void def(String key, String property, String values) {
        PROPERTY.put(key, property);
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : values.split(",")) {
            String[] kv = pair.split("=");
            m.put(kv[0], kv[1]);
        }
        VALUES.put(key, m);
    }

    private Cvss3() {}

    /**
     * Parses {@code CVSS:3.x/AV:N/...}; returns metric → letter with every optional metric defaulted to X, or
     * null if the vector is malformed (unknown, repeated or missing base metric, bad value).
     */
    static Map<String, String> parse(String vector) {
        if (vector == null || !(vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))) {
            return null;
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : vector.substring(9).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Map<String, String> allowed = VALUES.get(key);
            if (allowed == null || !allowed.containsKey(value) || metrics.put(key, value) != null) {
                return null;
            }
        }
        for (String base : new String[] {"AV", "AC", "PR", "UI", "S", "C", "I", "A"}) {
            if (!metrics.containsKey(base)) {
                return null;
            }
        }
        for (String key : VALUES.keySet()) {
            metrics.putIfAbsent(key, "X");
        }
        return metrics;
    }

    /** Base, temporal and environmental scores of a parsed vector. */
    record Scores(BigDecimal base, BigDecimal temporal, BigDecimal environmental) {}

    static Scores scores(Map<String, String> m, boolean v30) {
        boolean changed = m.get("S").equals("C");
        double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av(m.get("AV")) * ac(m.get("AC")) * pr(m.get("PR"), changed) * ui(m.get("UI"));
        double base;
        if (impact <= 0) {
            base = 0;
        } else if (changed) {
            base = roundUp(Math.min(1.08 * (impact + exploitability), 10), v30);
        } else {
            base = roundUp(Math.min(impact + exploitability, 10), v30);
        }
        double temporalFactor = e(m.get("E")) * rl(m.get("RL")) * rc(m.get("RC"));
        double temporal = roundUp(base * temporalFactor, v30);

        String ms = mod(m, "MS", "S");
        boolean mChanged = ms.equals("C");
        double miss = Math.min(
                1
                        - (1 - req(m.get("CR")) * cia(mod(m, "MC", "C")))
                                * (1 - req(m.get("IR")) * cia(mod(m, "MI", "I")))
                                * (1 - req(m.get("AR")) * cia(mod(m, "MA", "A"))),
                0.915);
        double mImpact;
        if (mChanged) {
            mImpact = v30
                    ? 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15)
                    : 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        } else {
            mImpact = 6.42 * miss;
        }
        double mExploitability = 8.22
                * av(mod(m, "MAV", "AV"))
                * ac(mod(m, "MAC", "AC"))
                * pr(mod(m, "MPR", "PR"), mChanged)
                * ui(mod(m, "MUI", "UI"));
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

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private static String mod(Map<String, String> m, String modified, String base) {
        String v = m.get(modified);
        return v.equals("X") ? m.get(base) : v;
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
