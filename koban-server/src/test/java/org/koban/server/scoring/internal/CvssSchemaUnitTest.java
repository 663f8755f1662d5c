package org.koban.server.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.koban.server.scoring.Cvss;
import org.koban.server.scoring.CvssScore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A score renders as FIRST's CVSS JSON object ({@code version}, {@code vectorString}, {@code baseScore},
 * {@code baseSeverity}) that is valid against FIRST's own schema, as CSAF and CVE records will carry it.
 */
class CvssSchemaUnitTest {

    private static final String FIRST = "https://www.first.org/cvss/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(Map.of(
                    FIRST + "cvss-v3.1.json", resource("cvss-v3.1.json"),
                    FIRST + "cvss-v4.0.json", resource("cvss-v4.0.json"),
                    FIRST + "meta.json", resource("meta.json"))));

    private final Cvss cvss = new LibraryCvss();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
                "CVSS:3.1/MAV:L/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:U/RL:O/RC:C/CR:H",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N",
                "CVSS:4.0/U:Red/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/E:U/MAV:L/CR:H/S:P/AU:Y"
            })
    void rendersAsAValidFirstCvssObject(String vector) {
        CvssScore score = cvss.score(vector);

        assertThat(validate(score)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.koban.server.scoring.internal.CvssUnitTest#randomVectors")
    void rendersEveryRandomVectorAsAValidFirstCvssObject(String canonical, String shuffled) {
        assertThat(validate(cvss.score(shuffled))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.1", "4.0"})
    void theSchemasThemselvesRejectAWrongSeverity(String version) {
        String vector = version.equals("3.1")
                ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
                : "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        ObjectNode object = render(cvss.score(vector));
        object.put("baseSeverity", "BOGUS");

        assertThat(schema(version).validate(object)).isNotEmpty();
    }

    private static List<Error> validate(CvssScore score) {
        return schema(score.version().label()).validate(render(score));
    }

    private static Schema schema(String version) {
        return REGISTRY.getSchema(SchemaLocation.of(FIRST + "cvss-v" + version + ".json"));
    }

    /** FIRST's object for a score, as an advisory or CVE record would carry it. */
    static ObjectNode render(CvssScore score) {
        ObjectNode object = JSON.createObjectNode();
        object.put("version", score.version().label());
        object.put("vectorString", score.vector());
        object.put("baseScore", score.baseScore());
        object.put("baseSeverity", score.severity().name());
        return object;
    }

    private static String resource(String name) {
        try (InputStream in = CvssSchemaUnitTest.class.getResourceAsStream("/standards/cvss/" + name)) {
            if (in == null) throw new IllegalStateException("Missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
