package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.UriFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand checks give the regular expression's and networknt's answers wherever they answer at all. */
class FastChecksUnitTest {
    private static final Map<Integer, String> PATTERNS = Map.ofEntries(
            Map.entry(FastChecks.P_NO_OUTER_SPACE, "^[\\S](.*[\\S])?$"),
            Map.entry(FastChecks.P_NO_OUTER_SPACE_OR_PUNCT, "^[^\\s\\-_\\.](.*[^\\s\\-_\\.])?$"),
            Map.entry(FastChecks.P_CVE, "^CVE-[0-9]{4}-[0-9]{4,}$"),
            Map.entry(FastChecks.P_CWE, "^CWE-[1-9]\\d{0,5}$"),
            Map.entry(FastChecks.P_HEX32, "^[0-9a-fA-F]{32,}$"),
            Map.entry(FastChecks.P_CVSS30, FastChecks.CVSS30),
            Map.entry(FastChecks.P_CVSS31, FastChecks.CVSS31),
            Map.entry(FastChecks.P_VERSION, FastChecks.VERSION),
            Map.entry(FastChecks.P_LANGUAGE, FastChecks.LANGUAGE),
            Map.entry(FastChecks.P_CPE, FastChecks.CPE),
            Map.entry(FastChecks.P_PURL, FastChecks.PURL));

    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        "7",
        "9",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\u000b",
        "\f",
        "-",
        "_",
        ".",
        "CVE-",
        "CWE-",
        "2024",
        "12345",
        "f",
        "E",
        "é",
        "\u0085",
        "\u2028",
        "x",
        ":",
        "/",
        "T",
        "+",
        "?",
        "#",
        "%",
        "%2F",
        "[",
        "://",
        "https",
        "00",
        "59",
        "60",
        "29",
        "02-",
        "Z",
        "+01:00",
        "-00:00",
        "\u0000",
        "~",
        "@",
        "CVSS:3.1/",
        "CVSS:3.0/",
        "AV:N",
        "AC:L",
        "MAV:X",
        "C:H",
        "S:C",
        "E:P",
        "XX:H",
        "AV:Q",
        "MA:",
        "en",
        "de-DE",
        "ja",
        "1.0.0",
        "12",
        "rc.1",
        "en-",
        "x-",
        "cpe:2.3:",
        "cpe:/",
        "cPe:/",
        "a:",
        "o",
        ":*",
        ":-",
        ":en",
        ":de-DE",
        ":ja-123",
        "\\*",
        "\\!",
        "?",
        "pkg:",
        "npm/",
        "maven",
        "1.2.3-rc.1",
        "-rc.01",
        "+build.7",
        "-0a"
    };

    /** Every string value in the test resources. */
    static List<String> corpusStrings() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : JsonReaderUnitTest.allJsonResources()) {
            JsonValue v = JsonReader.parse(Files.readAllBytes(f));
            if (v != null) {
                collect(v, out);
            }
        }
        return out;
    }

    private static void collect(JsonValue v, List<String> out) {
        if (v.isString()) {
            out.add(v.asString());
        }
        for (int i = 0; i < v.size(); i++) {
            collect(v.value(i), out);
        }
    }

    /** Up to seven random pieces. */
    private static String pieces(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int p = 0; p < pieces; p++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static List<String> randomStrings(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(pieces(random));
        }
        String[] metrics = {
            "AV:N", "AC:H", "PR:L", "UI:R", "S:U", "C:N", "I:L", "A:H", "E:F", "RL:O", "RC:C", "CR:M", "MAV:P", "MS:X",
            "MC:L", "AV:", "QQ:N", "A:Z", "", "AV:NN"
        };
        for (int i = 0; i < 2_000; i++) { // CVSS v3 vectors, most of them well-formed
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "CVSS:3.1/" : "CVSS:3.0/");
            int n = random.nextInt(6);
            for (int m = 0; m <= n; m++) {
                sb.append(m > 0 ? "/" : "").append(metrics[random.nextInt(metrics.length)]);
            }
            if (random.nextInt(10) == 0) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        String[] components = {
            "*", "-", "redhat", "enterprise_linux", "8.2", "a-b.c_d", "", "x~y", "a%20b", "\\:", "?a*"
        };
        String[] languages = {"*", "-", "en", "eng", "de-DE", "ja-123", "e", "english", "en-D", "en-1234", ""};
        for (int i = 0; i < 6_000; i++) { // CPE 2.3 names and CPE 2.2 URIs, most of them plain
            boolean uri = random.nextInt(3) == 0;
            StringBuilder sb = new StringBuilder(uri ? "cpe:/" : "cpe:2.3:");
            sb.append("aho*-xA".charAt(random.nextInt(uri ? 7 : 5)));
            int n = uri ? random.nextInt(8) : random.nextInt(3) == 0 ? random.nextInt(13) : 10;
            for (int c = 0; c < n; c++) {
                String[] choices = c == 5 && random.nextBoolean() ? languages : components;
                sb.append(':').append(choices[random.nextInt(random.nextInt(5) == 0 ? choices.length : 6)]);
            }
            if (random.nextInt(8) == 0) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        for (int i = 0; i < 4_000; i++) { // package URLs
            out.add(List.of("pkg:", "pkg:", "pkg", "Pkg:").get(random.nextInt(4))
                    + List.of("npm", "maven", "a.b+c-d", "1x", "", "x y", "golang")
                            .get(random.nextInt(7))
                    + List.of("/", "/", "", "//").get(random.nextInt(4))
                    + List.of("", "a", "name@1.0", " ", "\n", "é").get(random.nextInt(6)));
        }
        for (int i = 0; i < 400; i++) { // long hexadecimal and CVE-like strings
            out.add("0123456789abcdefABCDEF0123456789abcdef".substring(random.nextInt(10)) + PIECES[random.nextInt(4)]);
            out.add("CVE-20" + random.nextInt(100) + "-" + random.nextInt(1000000) + PIECES[random.nextInt(20)]);
        }
        return out;
    }

    @Test
    void theHandCheckedPatternsAreTheSchemasOwnText() {
        List<String> schemaPatterns = new ArrayList<>();
        for (String name : List.of("csaf_json_schema.json", "cvss-v3.0.json", "cvss-v3.1.json")) {
            SchemaCheck.resource(name).findValues("pattern").forEach(v -> schemaPatterns.add(v.asString()));
        }
        assertThat(schemaPatterns)
                .contains(
                        FastChecks.CVSS30,
                        FastChecks.CVSS31,
                        FastChecks.VERSION,
                        FastChecks.LANGUAGE,
                        FastChecks.CPE,
                        FastChecks.PURL);
    }

    @Test
    void patternsAgreeWithTheRegularExpressions() throws IOException {
        List<String> strings = new ArrayList<>(corpusStrings());
        strings.addAll(randomStrings(40_000, 1));
        int answered = 0;
        int[] yes = new int[16];
        int[] no = new int[16];
        for (Map.Entry<Integer, String> p : PATTERNS.entrySet()) {
            Pattern regex = Pattern.compile(p.getValue());
            assertThat(FastChecks.patternCode(p.getValue())).isEqualTo(p.getKey());
            for (String s : strings) {
                int fast = FastChecks.pattern(p.getKey(), s);
                if (fast != FastChecks.UNKNOWN) {
                    answered++;
                    (fast == FastChecks.YES ? yes : no)[p.getKey()]++;
                    assertThat(fast == FastChecks.YES)
                            .as("%s on [%s]", p.getValue(), s)
                            .isEqualTo(regex.matcher(s).find());
                }
            }
        }
        assertThat(answered).isGreaterThan(100_000);
        assertThat(yes[FastChecks.P_CPE]).as("plain CPE names").isGreaterThan(1_000);
        assertThat(yes[FastChecks.P_PURL]).as("package URLs").isGreaterThan(300);
        assertThat(no[FastChecks.P_PURL]).as("not package URLs").isGreaterThan(300);
        assertThat(yes[FastChecks.P_VERSION]).as("versions").isGreaterThan(300);
        assertThat(no[FastChecks.P_VERSION]).as("not versions").isGreaterThan(300);
    }

    @Test
    void dateTimesAndUrisItAcceptsAreAcceptedByTheGeneralChecks() throws IOException {
        DateTimeFormat dateTime = new DateTimeFormat();
        UriFormat uri = new UriFormat();
        List<String> strings = new ArrayList<>(corpusStrings());
        strings.addAll(randomStrings(40_000, 2));
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            strings.add(String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                    900 + random.nextInt(9200),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(62),
                    random.nextInt(62),
                    random.nextBoolean() ? "" : "." + "123456789012".substring(0, random.nextInt(12)),
                    List.of("Z", "z", "+01:00", "-00:00", "+00:00", "+17:59", "+18:00", "-23:59", "+1:00", "")
                            .get(random.nextInt(10))));
            strings.add(List.of("https", "http", "a+b", "1x", "urn").get(random.nextInt(5))
                    + List.of("://", ":", "//", ":///").get(random.nextInt(4))
                    + List.of("example.com", "a..b", "-a.b", "x.y-", "host:8080", "h:", "h:123456", "[::1]", "u@h")
                            .get(random.nextInt(9))
                    + pieces(new Random(i)));
        }
        // Every one-character change of a valid date-time or URI (found missing: a non-digit in the time fields).
        String noise = "0123456789:-+.TtZz /?#%[]@xé\n";
        for (String valid : List.of(
                "2021-07-21T10:00:00.000Z",
                "2024-02-29T23:59:59+05:30",
                "1999-12-31T00:00:00-08:00",
                "https://example.com:8080/a/b?c=d&e=f#g",
                "http://a.b/~x(y)*'!$,;=@")) {
            for (int i = 0; i <= valid.length(); i++) {
                for (int c = 0; c < noise.length(); c++) {
                    String ch = String.valueOf(noise.charAt(c));
                    strings.add(valid.substring(0, i) + ch + valid.substring(Math.min(i + 1, valid.length())));
                    strings.add(valid.substring(0, i) + ch + valid.substring(i));
                }
                if (i < valid.length()) {
                    strings.add(valid.substring(0, i) + valid.substring(i + 1));
                }
            }
        }
        int dates = 0;
        int uris = 0;
        for (String s : strings) {
            if (FastChecks.surelyDateTime(s)) {
                dates++;
                assertThat(dateTime.matches(null, s)).as("date-time [%s]", s).isTrue();
            }
            if (FastChecks.surelyUri(s)) {
                uris++;
                assertThat(uri.matches(null, s)).as("uri [%s]", s).isTrue();
            }
        }
        assertThat(dates).isGreaterThan(2_000);
        assertThat(uris).isGreaterThan(500);
    }
}
