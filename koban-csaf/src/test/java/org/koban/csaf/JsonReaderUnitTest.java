package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader either declines an input or gives exactly the tree Jackson gives (same kinds, member order,
 * strings and number values and scales). Declined input goes to Jackson, so together the validator sees the same
 * tree and the same errors as with Jackson alone.
 */
class JsonReaderUnitTest {
    private static final byte[] NOISE = "{}[]\",:\\ 0123456789.eE+-tfnulx\u00e9\t\n".getBytes(StandardCharsets.UTF_8);

    static List<Path> allJsonResources() {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(
                TestData.root(), TestData.root().resolve("../org/koban/csaf").normalize())) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Test
    void acceptsEveryOfficialDocumentAndAgreesWithJackson() throws IOException {
        int accepted = 0;
        for (Path f : TestData.csafExamples()) {
            byte[] b = Files.readAllBytes(f);
            assertThat(JsonReader.parse(b)).as(f.toString()).isNotNull();
            assertAgrees(b, f.toString());
            accepted++;
        }
        try (Stream<Path> s = Files.walk(TestData.validatorData())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                byte[] b = Files.readAllBytes(f);
                assertThat(JsonReader.parse(b)).as(f.toString()).isNotNull();
                assertAgrees(b, f.toString());
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(250);
    }

    @Test
    void agreesWithJacksonOnEveryResourceAndOnMutations() throws IOException {
        Random random = new Random(20261129);
        int declined = 0;
        int accepted = 0;
        for (Path f : allJsonResources()) {
            byte[] original = Files.readAllBytes(f);
            assertAgrees(original, f.toString());
            for (int m = 0; m < 40 && original.length > 0; m++) {
                byte[] mutated = mutate(original, random);
                if (assertAgrees(mutated, f + " mutation " + m)) {
                    accepted++;
                } else {
                    declined++;
                }
            }
        }
        // Both paths were exercised: many mutations stay valid JSON (inside strings), many break it.
        assertThat(accepted).isGreaterThan(1000);
        assertThat(declined).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{} x",
                "{\"a\":1,\"a\":2}",
                "\ufeff{}",
                "[1,]",
                "[01]",
                "[1.]",
                "[.5]",
                "[1e]",
                "[-]",
                "{\"a\" 1}",
                "[tru]",
                "[truex]",
                "[nul]",
                "[\"\\x\"]",
                "[\"\\ud800\"]",
                "[\"a\u0001\"]",
                "{\"a\":}",
                "[1 2]",
                "{,}",
                "[",
                "{\"a\":1",
                "\"abc",
                "[1]]",
                "NaN",
                "[Infinity]",
                "'a'",
                "{a:1}",
                "[1x]"
            })
    void declinesWhatJacksonMustJudge(String text) {
        assertThat(JsonReader.parse(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void declinesMalformedUtf8AndDeepNesting() {
        assertThat(JsonReader.parse(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}))
                .isNull(); // overlong
        assertThat(JsonReader.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .isNull(); // surrogate
        assertThat(JsonReader.parse(new byte[] {'"', (byte) 0xE9, '"'})).isNull(); // truncated sequence
        assertThat(JsonReader.parse(("[".repeat(300) + "]".repeat(300)).getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1.50, 1.5, 1e2, 1E+2, 100, -0, -0.0, 0.0, 12345678901, 123456789012345678901, -9223372036854775808,"
                        + " 9223372036854775808, 1.0e-5, 1E400]",
                "{\"a\":\"\\u00e9\\n\\\"\\/\\\\\",\"b\":[true,false,null],\"c\":{}, \"d\":[], \"\u00e9\u4e2d\ud83d\ude00\":1}",
                "\"only a string\"",
                "  7  ",
            })
    void acceptsAndAgrees(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(JsonReader.parse(b)).isNotNull();
        assertAgrees(b, text);
    }

    /**
     * Objects whose key sequence leaves the reader's table part-way (a key too long to share, an escaped key, more
     * keys than a sequence may have, more successors than a sequence keeps), read twice so that the second reading
     * follows the remembered sequences: the keys of the members before that point come from the sequence.
     */
    @Test
    void objectsThatLeaveTheirKeySequencePartWayKeepEveryKey() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        many.append('}');
        StringBuilder successors = new StringBuilder("[");
        for (int i = 0; i < 24; i++) {
            successors
                    .append(i == 0 ? "" : ",")
                    .append("{\"first\":1,\"s")
                    .append(i)
                    .append("\":2,\"last\":3}");
        }
        successors.append(']');
        List<String> documents = List.of(
                "{\"outer\":{\"a\":1,\"b\":2,\"" + "x".repeat(80) + "\":3,\"c\":4}}",
                "{\"outer\":{\"a\":1,\"b\":2,\"e\\u0073c\":3,\"c\":4}}",
                "{\"outer\":{\"a\":1,\"b\":2,\"\u00e9t\u00e9\":3,\"c\":4}}",
                "{\"outer\":" + many + "}",
                "{\"outer\":" + successors + "}",
                "{\"outer\":{\"a\":1,\"b\":2}}");
        for (int round = 0; round < 2; round++) {
            for (String text : documents) {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                assertThat(JsonReader.parse(b)).as(text).isNotNull();
                assertAgrees(b, text);
            }
        }
    }

    @Test
    void equalityIsJacksons() {
        JsonValue v = JsonReader.parse(
                "[1.5, 1.50, 1.5, 2, 2.0, {\"a\":1,\"b\":2}, {\"b\":2,\"a\":1}]".getBytes(StandardCharsets.UTF_8));
        assertThat(v.get(0)).isNotEqualTo(v.get(1)).isEqualTo(v.get(2)).hasSameHashCodeAs(v.get(2));
        assertThat(v.get(3)).isNotEqualTo(v.get(4));
        assertThat(v.get(5)).isEqualTo(v.get(6)).hasSameHashCodeAs(v.get(6));
    }

    /** Asserts agreement; true if the fast reader accepted the input. */
    private static boolean assertAgrees(byte[] input, String what) {
        JsonValue fast = JsonReader.parse(input);
        if (fast == null) {
            return false;
        }
        JsonValue jackson;
        try {
            jackson = JsonValue.of(CsafJson.readTree(input));
        } catch (RuntimeException e) {
            fail("%s: the fast reader accepted what Jackson rejects: %s", what, e.getMessage());
            return true;
        }
        assertThat(jackson).as(what).isNotNull();
        assertSame(fast, jackson, what, "");
        return true;
    }

    private static void assertSame(JsonValue a, JsonValue b, String what, String at) {
        assertThat(a.kind).as(what + " kind at " + at).isEqualTo(b.kind);
        assertThat(a.size()).as(what + " size at " + at).isEqualTo(b.size());
        switch (a.kind) {
            case JsonValue.OBJECT -> {
                for (int i = 0; i < a.size(); i++) {
                    assertThat(a.key(i)).as(what + " key at " + at).isEqualTo(b.key(i));
                    assertSame(a.value(i), b.value(i), what, at + "/" + a.key(i));
                }
            }
            case JsonValue.ARRAY -> {
                for (int i = 0; i < a.size(); i++) {
                    assertSame(a.value(i), b.value(i), what, at + "/" + i);
                }
            }
            case JsonValue.INTEGER, JsonValue.DECIMAL -> {
                // BigDecimal.equals: value and scale
                assertThat(a.decimalValue()).as(what + " number at " + at).isEqualTo(b.decimalValue());
                assertThat(a.asString()).as(what + " number text at " + at).isEqualTo(b.asString());
                assertThat(a).isEqualTo(b);
            }
            default -> assertThat(a.asString()).as(what + " value at " + at).isEqualTo(b.asString());
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        int at = random.nextInt(original.length);
        byte[] out;
        switch (random.nextInt(3)) {
            case 0 -> { // delete a byte
                out = new byte[original.length - 1];
                System.arraycopy(original, 0, out, 0, at);
                System.arraycopy(original, at + 1, out, at, original.length - at - 1);
            }
            case 1 -> { // insert a JSON-significant byte
                out = new byte[original.length + 1];
                System.arraycopy(original, 0, out, 0, at);
                out[at] = NOISE[random.nextInt(NOISE.length)];
                System.arraycopy(original, at, out, at + 1, original.length - at);
            }
            default -> { // replace a byte
                out = original.clone();
                out[at] = NOISE[random.nextInt(NOISE.length)];
            }
        }
        return out;
    }
}
