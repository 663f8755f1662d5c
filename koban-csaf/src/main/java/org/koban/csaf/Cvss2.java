package org.koban.csaf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** CVSS v2 vectors and scores as FIRST's CVSS v2 guide (section 3) defines them. */
final class Cvss2 {
    static final Map<String, String> PROPERTY = new LinkedHashMap<>();
    static final Map<String, Map<String, String>> VALUES = new LinkedHashMap<>();

    static {
        String imp = "N=NONE,P=PARTIAL,C=COMPLETE";
        String req = "L=LOW,M=MEDIUM,H=HIGH,ND=NOT_DEFINED";
        def("AV", "accessVector", "L=LOCAL,A=ADJACENT_NETWORK,N=NETWORK");
        def("AC", "accessComplexity", "H=HIGH,M=MEDIUM,L=LOW");
        def("Au", "authentication", "M=MULTIPLE,S=SINGLE,N=NONE");
        def("C", "confidentialityImpact", imp);
        def("I", "integrityImpact", imp);
        def("A", "availabilityImpact", imp);
        def("E", "exploitability", "U=UNPROVEN,POC=PROOF_OF_CONCEPT,F=FUNCTIONAL,H=HIGH,ND=NOT_DEFINED");
        def("RL", "remediationLevel", "OF=OFFICIAL_FIX,TF=TEMPORARY_FIX,W=WORKAROUND,U=UNAVAILABLE,ND=NOT_DEFINED");
        def("RC", "reportConfidence", "UC=UNCONFIRMED,UR=UNCORROBORATED,C=CONFIRMED,ND=NOT_DEFINED");
        def("CDP", "collateralDamagePotential", "N=NONE,L=LOW,LM=LOW_MEDIUM,MH=MEDIUM_HIGH,H=HIGH,ND=NOT_DEFINED");
        def("TD", "targetDistribution", "N=NONE,L=LOW,M=MEDIUM,H=HIGH,ND=NOT_DEFINED");
        def("CR", "confidentialityRequirement", req);
        def("IR", "integrityRequirement", req);
        def("AR", "availabilityRequirement", req);
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

    private Cvss2() {}

    /** Metric → value with absent temporal/environmental metrics defaulted to ND; null if malformed. */
    static Map<String, String> parse(String vector) {
        if (vector == null || vector.isEmpty()) {
            return null;
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : vector.split("/", -1)) {
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
        for (String base : new String[] {"AV", "AC", "Au", "C", "I", "A"}) {
            if (!metrics.containsKey(base)) {
                return null;
            }
        }
        for (String key : VALUES.keySet()) {
            metrics.putIfAbsent(key, "ND");
        }
        return metrics;
    }

    static Cvss3.Scores scores(Map<String, String> m) {
        double c = imp(m.get("C"));
        double i = imp(m.get("I"));
        double a = imp(m.get("A"));
        double exploitability = 20 * av(m.get("AV")) * ac(m.get("AC")) * au(m.get("Au"));
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double base = base(impact, exploitability);
        double temporalFactor = e(m.get("E")) * rl(m.get("RL")) * rc(m.get("RC"));
        double temporal = round1(base * temporalFactor);
        double adjustedImpact = Math.min(
                10, 10.41 * (1 - (1 - c * req(m.get("CR"))) * (1 - i * req(m.get("IR"))) * (1 - a * req(m.get("AR")))));
        double adjustedTemporal = round1(base(adjustedImpact, exploitability) * temporalFactor);
        double environmental =
                round1((adjustedTemporal + (10 - adjustedTemporal) * cdp(m.get("CDP"))) * td(m.get("TD")));
        return new Cvss3.Scores(decimal(base), decimal(temporal), decimal(environmental));
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
