package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written semantic-version parser gives the answers of {@code version_t}'s regular expression. */
class VersionsUnitTest {
    /** The semantic-version alternative of {@code version_t}, as the schema states it (without the anchors). */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|"
                    + "[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private static final String[] PIECES = {
        "0",
        "1",
        "9",
        "10",
        "01",
        "00",
        "007",
        ".",
        ".",
        ".",
        "-",
        "-",
        "+",
        "+",
        "a",
        "Z",
        "rc",
        "alpha",
        "beta",
        "x-y",
        "--",
        "é",
        "٣",
        " ",
        "\n",
        "_",
        "1.0.0",
        "2.3.4",
        "0.0.0",
        "1.2",
        "-rc.1",
        "+build.5",
        "-0",
        "-00",
        "-0a",
        "+0",
        "+.",
        ".."
    };

    static List<String> versions(int count, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(FastChecksUnitTest.corpusStrings());
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(3) > 0) {
                sb.append(random.nextInt(3))
                        .append('.')
                        .append(random.nextInt(12))
                        .append('.')
                        .append(random.nextInt(3));
            }
            int pieces = random.nextInt(7);
            for (int p = 0; p < pieces; p++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void partsAreTheRegularExpressionsGroups() throws IOException {
        int semantic = 0;
        int withPreRelease = 0;
        int withBuild = 0;
        for (String v : versions(200_000, 1)) {
            Matcher m = SEMVER.matcher(v);
            Versions.Semver s = Versions.semver(v);
            if (!m.matches()) {
                assertThat(s).as("[%s]", v).isNull();
                assertThat(Versions.isSemver(v)).isFalse();
                continue;
            }
            semantic++;
            withPreRelease += m.group(4) != null ? 1 : 0;
            withBuild += m.group(5) != null ? 1 : 0;
            assertThat(s)
                    .as("[%s]", v)
                    .isEqualTo(new Versions.Semver(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
            assertThat(Versions.major(v)).isEqualTo(new BigInteger(m.group(1)));
            assertThat(Versions.hasPreRelease(v)).isEqualTo(m.group(4) != null);
            assertThat(Versions.hasBuildMetadata(v)).isEqualTo(m.group(5) != null);
            assertThat(Versions.isZero(v)).isEqualTo(m.group(1).equals("0"));
        }
        assertThat(semantic).isGreaterThan(20_000);
        assertThat(withPreRelease).isGreaterThan(2_000);
        assertThat(withBuild).isGreaterThan(2_000);
    }

    /** Semantic Versioning 2.0.0 section 11 over the regular expression's groups, numbers as BigInteger. */
    private static int precedence(Matcher a, Matcher b) {
        for (int i = 1; i <= 3; i++) {
            int c = new BigInteger(a.group(i)).compareTo(new BigInteger(b.group(i)));
            if (c != 0) {
                return c;
            }
        }
        if (a.group(4) == null || b.group(4) == null) {
            return a.group(4) == null ? (b.group(4) == null ? 0 : 1) : -1;
        }
        String[] x = a.group(4).split("\\.");
        String[] y = b.group(4).split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].matches("[0-9]+");
            boolean ny = y[i].matches("[0-9]+");
            int c = nx && ny
                    ? new BigInteger(x[i]).compareTo(new BigInteger(y[i]))
                    : nx != ny ? (nx ? -1 : 1) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Test
    void precedenceOfSemanticVersionsIsSemversOwn() throws IOException {
        List<String> semantic = new ArrayList<>();
        for (String v : versions(100_000, 2)) {
            if (SEMVER.matcher(v).matches()) {
                semantic.add(v);
            }
        }
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String a = semantic.get(random.nextInt(semantic.size()));
            String b = semantic.get(random.nextInt(semantic.size()));
            Matcher ma = SEMVER.matcher(a);
            Matcher mb = SEMVER.matcher(b);
            assertThat(ma.matches() && mb.matches()).isTrue();
            assertThat(Integer.signum(Versions.compare(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(precedence(ma, mb)));
        }
    }

    @Test
    void integersAreNotSemanticVersionsButHaveAMajorVersion() {
        assertThat(Versions.semver("12")).isNull();
        assertThat(Versions.major("12")).isEqualTo(BigInteger.valueOf(12));
        assertThat(Versions.isZero("0")).isTrue();
        assertThat(Versions.isZero("00")).isFalse();
        assertThat(Versions.major("012")).isNull();
        assertThat(Versions.hasPreRelease("3")).isFalse();
    }

    @Test
    void precedenceIsNumericForNumbersOfAnyLength() {
        assertThat(Versions.compare("123456789012345678901234567890", "99")).isPositive();
        assertThat(Versions.compare("1.0.99999999999999999999", "1.0.100000000000000000000"))
                .isNegative();
        assertThat(Versions.compare("1.0.0-rc.99999999999999999999", "1.0.0-rc.100000000000000000000"))
                .isNegative();
        assertThat(Versions.compare("2.0.0", "2.0.0+anything")).isZero();
        assertThat(Versions.compare("1.0.0-alpha", "1.0.0-alpha.1")).isNegative();
        assertThat(Versions.compare("1.0.0-1", "1.0.0-a")).isNegative();
    }
}
