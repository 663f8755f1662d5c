package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsing vectors into one byte per metric: what the vector states, the defaults where it is silent, and refusal of
 * every malformed form; checked against a plain map-based reading of the specification's grammar.
 */
class CvssMetricsUnitTest {
    private static final String BASE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";

    @Test
    void statedMetricsAndDefaults() {
        byte[] m = Cvss3.parse(BASE + "/E:F/MAV:L");
        assertThat(m).isNotNull();
        assertThat(Cvss3.METRICS.value(m, Cvss3.AV)).isEqualTo("N");
        assertThat(Cvss3.METRICS.name(m, Cvss3.AV)).isEqualTo("NETWORK");
        assertThat(Cvss3.METRICS.name(m, Cvss3.MAV)).isEqualTo("LOCAL");
        assertThat(Cvss3.METRICS.stated(m, Cvss3.E)).isTrue();
        assertThat(Cvss3.METRICS.stated(m, Cvss3.RL)).isFalse();
        assertThat(Cvss3.METRICS.value(m, Cvss3.RL)).isEqualTo("X");
        assertThat(Cvss3.METRICS.valueNamed(Cvss3.RL, "WORKAROUND")).isPositive();
        assertThat(Cvss3.METRICS.valueNamed(Cvss3.RL, "workaround")).isZero();

        byte[] v2 = Cvss2.parse("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/CDP:LM");
        assertThat(v2).isNotNull();
        assertThat(Cvss2.METRICS.value(v2, Cvss2.E)).isEqualTo("POC");
        assertThat(Cvss2.METRICS.name(v2, Cvss2.CDP)).isEqualTo("LOW_MEDIUM");
        assertThat(Cvss2.METRICS.value(v2, Cvss2.TD)).isEqualTo("ND");
        assertThat(Cvss2.scores(v2).base()).isEqualByComparingTo(new BigDecimal("7.5"));
    }

    @Test
    void malformedVectorsAreRefused() {
        for (String bad : List.of(
                "",
                "CVSS:3.1/",
                "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                BASE + "/",
                BASE.replace("/AC:L", "//AC:L"),
                BASE.replace("AV:N", "AV:N:N"),
                BASE.replace("AV:N", "AV:"),
                BASE.replace("AV:N", "AV:NN"),
                BASE.replace("AV:N", "av:N"),
                BASE.replace("AV:N", "AV:n"),
                BASE.replace("AV:N", "AX:N"),
                BASE.replace("/A:H", ""),
                BASE + "/AV:N",
                BASE + "/E:Z",
                BASE + "/MS:N")) {
            assertThat(Cvss3.parse(bad)).as(bad).isNull();
        }
        assertThat(Cvss3.parse(null)).isNull();
        assertThat(Cvss2.parse(null)).isNull();
        assertThat(Cvss2.parse("AV:N/AC:L/Au:N/C:P/I:P")).isNull(); // A missing
        assertThat(Cvss2.parse("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X")).isNull();
    }

    /** Random vectors, well-formed or one edit away, read the same as a map-based reading of the grammar. */
    @Test
    void agreesWithAMapBasedReading() {
        Random random = new Random(42);
        String[] keys = new String[Cvss3.METRICS.count()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Cvss3.METRICS.key(i);
        }
        int parsed = 0;
        for (int n = 0; n < 20_000; n++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                if (i < 8 ? random.nextInt(40) > 0 : random.nextInt(3) == 0) {
                    // Mostly a letter the metric takes, sometimes any letter.
                    String letters = random.nextInt(30) > 0 ? ALLOWED.get(keys[i]) : "XNALPHUCRMOTWFZ";
                    parts.add(keys[i] + ":" + letters.charAt(random.nextInt(letters.length())));
                }
            }
            if (!parts.isEmpty() && random.nextInt(10) == 0) {
                parts.add(parts.get(random.nextInt(parts.size()))); // a repeated metric
            }
            java.util.Collections.shuffle(parts, random);
            String vector = "CVSS:3." + (random.nextBoolean() ? "1" : "0") + "/" + String.join("/", parts);
            Map<String, String> expected = mapReading(vector);
            byte[] actual = Cvss3.parse(vector);
            assertThat(actual == null).as(vector).isEqualTo(expected == null);
            if (actual != null) {
                parsed++;
                for (int i = 0; i < keys.length; i++) {
                    assertThat(Cvss3.METRICS.value(actual, i))
                            .as(vector)
                            .isEqualTo(expected.getOrDefault(keys[i], "X"));
                    assertThat(Cvss3.METRICS.stated(actual, i)).as(vector).isEqualTo(expected.containsKey(keys[i]));
                }
            }
        }
        assertThat(parsed).isGreaterThan(1000);
    }

    /** Each metric's letters, from the names the specification gives its values. */
    private static final Map<String, String> ALLOWED = allowedLetters();

    private static Map<String, String> allowedLetters() {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (int i = 0; i < Cvss3.METRICS.count(); i++) {
            StringBuilder letters = new StringBuilder();
            for (String name : List.of(
                    "NETWORK",
                    "ADJACENT_NETWORK",
                    "LOCAL",
                    "PHYSICAL",
                    "LOW",
                    "HIGH",
                    "NONE",
                    "REQUIRED",
                    "UNCHANGED",
                    "CHANGED",
                    "NOT_DEFINED",
                    "UNPROVEN",
                    "PROOF_OF_CONCEPT",
                    "FUNCTIONAL",
                    "OFFICIAL_FIX",
                    "TEMPORARY_FIX",
                    "WORKAROUND",
                    "UNAVAILABLE",
                    "UNKNOWN",
                    "REASONABLE",
                    "CONFIRMED",
                    "MEDIUM")) {
                int v = Cvss3.METRICS.valueNamed(i, name);
                if (v > 0) {
                    byte[] probe = new byte[Cvss3.METRICS.count()];
                    probe[i] = (byte) v;
                    letters.append(Cvss3.METRICS.value(probe, i));
                }
            }
            allowed.put(Cvss3.METRICS.key(i), letters.toString());
        }
        return allowed;
    }

    /** The grammar read with maps: known metrics with a listed letter, none repeated, all eight base metrics. */
    private static Map<String, String> mapReading(String vector) {
        Map<String, String> allowed = ALLOWED;
        Map<String, String> stated = new LinkedHashMap<>();
        for (String part : vector.substring(9).split("/", -1)) {
            String[] kv = part.split(":", -1);
            if (kv.length != 2
                    || !allowed.containsKey(kv[0])
                    || kv[1].length() != 1
                    || !allowed.get(kv[0]).contains(kv[1])
                    || stated.put(kv[0], kv[1]) != null) {
                return null;
            }
        }
        for (String base : List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A")) {
            if (!stated.containsKey(base)) {
                return null;
            }
        }
        return stated;
    }

    @Test
    void roundedScoresAreExactMultiplesOfATenth() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double raw = random.nextDouble() * 11;
            for (boolean v30 : new boolean[] {true, false}) {
                double rounded = Cvss3.roundUp(raw, v30);
                // What the decimal text of the double gives, against the unscaled multiple of 0.1 that Cvss3 uses.
                assertThat(BigDecimal.valueOf(Math.round(rounded * 10), 1))
                        .as("%s rounded up to %s", raw, rounded)
                        .isEqualTo(BigDecimal.valueOf(rounded).setScale(1, java.math.RoundingMode.HALF_UP));
            }
        }
    }
}
