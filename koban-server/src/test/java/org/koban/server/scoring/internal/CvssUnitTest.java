package org.koban.server.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CvssScore;
import org.koban.server.scoring.CvssVersion;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.InvalidInputException;

/** CVSS v3.1 and v4.0 scoring: known scores, normalisation, agreement with the library, refusals. */
class CvssUnitTest {

    private final Cvss cvss = new LibraryCvss();

    /**
     * Scores known independently of the library: FIRST's CVSS v3.1 examples document (phpMyAdmin XSS
     * CVE-2013-1937 6.1, MySQL CVE-2013-0375 6.4, POODLE CVE-2014-3566 3.1, Heartbleed CVE-2014-0160 7.5,
     * Shellshock CVE-2014-6271 9.8, VMware CVE-2012-1516 9.9) and scores seen on many published advisories.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                     | 9.8  | CRITICAL
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H                     | 10.0 | CRITICAL
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N                     | 6.1  | MEDIUM
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N                     | 6.4  | MEDIUM
            CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N                     | 3.1  | LOW
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N                     | 7.5  | HIGH
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H                     | 9.9  | CRITICAL
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H                     | 8.8  | HIGH
            CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H                     | 7.8  | HIGH
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N                     | 5.3  | MEDIUM
            CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N                     | 3.7  | LOW
            CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N                     | 1.6  | LOW
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N                     | 0.0  | NONE
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N  | 9.3  | CRITICAL
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H  | 10.0 | CRITICAL
            CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N  | 8.7  | HIGH
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N  | 8.7  | HIGH
            CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N  | 8.5  | HIGH
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N  | 6.9  | MEDIUM
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N  | 0.0  | NONE
            """)
    void scoresKnownVectors(String vector, String score, Severity severity) {
        CvssScore result = cvss.score(vector);

        assertThat(result.baseScore()).isEqualTo(new BigDecimal(score));
        assertThat(result.severity()).isEqualTo(severity);
        assertThat(result.vector()).isEqualTo(vector);
        assertThat(result.version()).isEqualTo(vector.startsWith("CVSS:3.1/") ? CvssVersion.V3_1 : CvssVersion.V4_0);
        assertThat(result.nomenclature()).isEqualTo("CVSS-B");
        // ... and the library alone says the same.
        assertThat(us.springett.cvss.Cvss.fromVector(vector).calculateScore().getBaseScore())
                .isEqualTo(Double.parseDouble(score));
    }

    @Test
    void keepsTheBaseScoreOfAV31VectorWithTemporalAndEnvironmentalMetrics() {
        CvssScore result = cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:H/MAV:L");

        assertThat(result.baseScore()).isEqualByComparingTo("9.8");
        assertThat(result.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(result.nomenclature()).isEqualTo("CVSS-B");
        assertThat(result.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:H/MAV:L");
    }

    /** The score itself comes from the library here (compared with it); FIRST names what it includes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A              | CVSS-BT
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U              | CVSS-BT
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L/IR:L/AR:L   | CVSS-BE
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/MAV:L        | CVSS-BTE
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:X        | CVSS-B
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/U:Red   | CVSS-B
            """)
    void namesTheKindOfAV40Score(String vector, String nomenclature) {
        CvssScore result = cvss.score(vector);

        assertThat(result.nomenclature()).isEqualTo(nomenclature);
        assertThat(result.baseScore().doubleValue())
                .isEqualTo(us.springett.cvss.Cvss.fromVector(vector)
                        .calculateScore()
                        .getBaseScore());
    }

    @Test
    void lowersAV40ScoreForUnreportedExploitMaturity() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

        assertThat(cvss.score(base + "/E:A").baseScore()).isEqualByComparingTo("9.3");
        assertThat(cvss.score(base + "/E:U").baseScore())
                .isLessThan(cvss.score(base + "/E:P").baseScore());
        assertThat(cvss.score(base + "/E:P").baseScore()).isLessThan(new BigDecimal("9.3"));
    }

    @Test
    void putsMetricsInFirstsOrderAndDropsNotDefinedValues() {
        assertThat(cvss.score("  CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:X/RC:C  ")
                        .vector())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RC:C");
        assertThat(cvss.score("CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/E:X/U:X")
                        .vector())
                .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    }

    /** Seeded random vectors of both versions, metrics shuffled: the service scores as the library does. */
    @ParameterizedTest
    @MethodSource("randomVectors")
    void agreesWithTheLibraryOnRandomVectorsInAnyOrder(String canonical, String shuffled) {
        CvssScore result = cvss.score(shuffled);

        double library =
                us.springett.cvss.Cvss.fromVector(canonical).calculateScore().getBaseScore();
        assertThat(result.baseScore().doubleValue()).isEqualTo(library);
        assertThat(result.severity()).isEqualTo(Severity.of(BigDecimal.valueOf(library)));
        assertThat(cvss.score(result.vector())).isEqualTo(result);
    }

    static Stream<Arguments> randomVectors() {
        Random random = new Random(20261125L);
        List<Arguments> vectors = new ArrayList<>();
        for (CvssMetrics version : CvssMetrics.values()) {
            for (int i = 0; i < 250; i++) {
                List<String> parts = new ArrayList<>();
                for (CvssMetrics.Metric metric : version.metrics().values()) {
                    if (metric.group() == CvssMetrics.Group.BASE || random.nextInt(4) == 0) {
                        List<String> values = metric.values();
                        parts.add(metric.key() + ":" + values.get(random.nextInt(values.size())));
                    }
                }
                String prefix = "CVSS:" + version.version().label();
                String canonical = prefix + "/" + String.join("/", parts);
                Collections.shuffle(parts, random);
                vectors.add(Arguments.of(canonical, prefix + "/" + String.join("/", parts)));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0.0  | NONE
            0.1  | LOW
            3.9  | LOW
            4.0  | MEDIUM
            6.9  | MEDIUM
            7.0  | HIGH
            8.9  | HIGH
            9.0  | CRITICAL
            10.0 | CRITICAL
            """)
    void ratesScoresWithFirstsBands(String score, Severity severity) {
        assertThat(Severity.of(new BigDecimal(score))).isEqualTo(severity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "10.1"})
    void refusesToRateScoresOutsideTheScale(String score) {
        assertThatThrownBy(() -> Severity.of(new BigDecimal(score))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                                                | is required
            "   "                                                             | is required
            AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                               | must start with CVSS:3.1/ or CVSS:4.0/
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                      | CVSS v3.0 is not supported
            CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C                               | must start with CVSS:3.1/ or CVSS:4.0/
            (AV:N/AC:L/Au:N/C:C/I:C/A:C)                                      | CVSS v2 and vectors without prefix
            cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                      | must start with CVSS:3.1/ or CVSS:4.0/
            CVSS:3.1 AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                      | must start with CVSS:3.1/ or CVSS:4.0/
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H                          | misses the base metric A
            CVSS:3.1/AV:N                                                     | misses the base metrics AC, PR, UI, S, C, I, A
            CVSS:3.1/                                                         | '' is not a metric written as KEY:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/                     | '' is not a metric written as KEY:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E                    | 'E' is not a metric written as KEY:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:                   | 'E:' is not a metric written as KEY:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U:P                | 'E:U:P' is not a metric written as KEY:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N                 | metric AV is given more than once
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L                  | metric A is given more than once
            CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                      | 'X' is not a value of metric AV (allowed: N, A, L, P)
            CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                      | 'n' is not a value of metric AV
            CVSS:3.1/AV:N/AC:L/PR:N/UI:P/S:U/C:H/I:H/A:H                      | 'P' is not a value of metric UI (allowed: N, R)
            CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H                 | 'AT' is not a CVSS 3.1 metric
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N        | misses the base metric SA
            CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N        | misses the base metric AT
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N   | 'R' is not a value of metric UI (allowed: N, P, A)
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/I:H/A:H/SC:N/SI:N/SA:N      | 'C' is not a CVSS 4.0 metric
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S/MSC:S | 'S' is not a value of metric MSC
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | 'red' is not a value of metric U
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O | 'RL' is not a CVSS 4.0 metric
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F | 'F' is not a value of metric E
            CVSS:4.0/AV:N//AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N  | '' is not a metric written as KEY:VALUE
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N;rm -rf | is not a value of metric SA
            <script>alert(1)</script>                                         | must start with CVSS:3.1/ or CVSS:4.0/
            """)
    void refusesMalformedVectorsSayingWhatIsWrong(String vector, String message) {
        assertThatThrownBy(() -> cvss.score(vector))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("vector");
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void listsEveryProblemOfAVectorAtOnce() {
        assertThatThrownBy(() -> cvss.score("CVSS:3.1/AV:Q/AV:N/ZZ:1/S:U/S:C/C:H/I:H/junk"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::message)
                                .containsExactly(
                                        "'Q' is not a value of metric AV (allowed: N, A, L, P)",
                                        "'ZZ' is not a CVSS 3.1 metric",
                                        "metric S is given more than once",
                                        "'junk' is not a metric written as KEY:VALUE",
                                        "misses the base metrics AC, PR, UI, A"));
    }

    @Test
    void refusesVectorsLongerThanTheCap() {
        String base = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        String tooLong = base + "/E:X".repeat((Cvss.MAX_VECTOR_LENGTH - base.length()) / 4 + 1);
        assertThat(tooLong).hasSizeGreaterThan(Cvss.MAX_VECTOR_LENGTH);

        assertThatThrownBy(() -> cvss.score(tooLong))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.message())
                                        .isEqualTo(
                                                "must be at most 200 characters (it has " + tooLong.length() + ")")));
        assertThatThrownBy(() -> cvss.score("CVSS:3.1/" + "A".repeat(100_000)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsTheLongestValidV40VectorWithEveryMetric() {
        StringBuilder longest = new StringBuilder("CVSS:4.0");
        for (CvssMetrics.Metric metric : CvssMetrics.V4_0.metrics().values()) {
            String widest = metric.values().stream()
                    .max((a, b) -> Integer.compare(a.length(), b.length()))
                    .orElseThrow();
            longest.append('/').append(metric.key()).append(':').append(widest);
        }
        assertThat(longest).hasSizeLessThanOrEqualTo(Cvss.MAX_VECTOR_LENGTH);

        assertThat(cvss.score(longest.toString()).version()).isEqualTo(CvssVersion.V4_0);
    }

    @Test
    void echoesNoControlCharactersInMessages() {
        assertThatThrownBy(() -> cvss.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/\u0007\u001b:1"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.message()).isEqualTo("'??' is not a CVSS 3.1 metric")));
    }
}
