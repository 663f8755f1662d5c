package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koban.csaf.model.CsafDocument;
import tools.jackson.databind.JsonNode;

class CsafJsonUnitTest {

    static List<Path> examples() {
        return TestData.csafExamples();
    }

    /** Numbers compare by value: 5.0 read as BigDecimal and 5.0 read as double are the same JSON value. */
    static final Comparator<JsonNode> JSON_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @ParameterizedTest
    @MethodSource("examples")
    void roundTripsEveryExampleAsTheSameJsonValue(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CsafDocument document = CsafJson.read(bytes);
        String written = CsafJson.write(document);
        JsonNode original = CsafJson.readTree(bytes);
        JsonNode reread = CsafJson.readTree(written.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reread.equals(JSON_VALUE, original)).as(file.toString()).isTrue();
        // Writing is deterministic: the written text reads back to a record that writes identically.
        assertThat(CsafJson.write(CsafJson.read(written))).isEqualTo(written);
    }

    @Test
    void keepsUnknownPropertiesAndWritesThemSorted() {
        String json = "{\"document\":{\"zeta\":1,\"category\":\"csaf_base\",\"alpha\":{\"b\":[1,2],\"a\":true}}}";
        CsafDocument document = CsafJson.read(json);
        assertThat(document.document().extra()).containsKeys("zeta", "alpha");
        String written = CsafJson.write(document).replaceAll("\\s", "");
        assertThat(written)
                .isEqualTo("{\"document\":{\"category\":\"csaf_base\",\"alpha\":{\"a\":true,\"b\":[1,2]},\"zeta\":1}}");
    }

    @Test
    void reportsMalformedInputAsReadException() {
        assertThatThrownBy(() -> CsafJson.read("{\"document\": ")).isInstanceOf(CsafJson.CsafReadException.class);
        assertThatThrownBy(() -> CsafJson.read("{\"document\": 5}")).isInstanceOf(CsafJson.CsafReadException.class);
    }
}
