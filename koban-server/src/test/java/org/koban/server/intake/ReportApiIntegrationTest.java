package org.koban.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.koban.server.intake.IntakeTestSupport.freshAddress;
import static org.koban.server.intake.IntakeTestSupport.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.koban.server.catalog.ProductView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/reports}: anonymous, JSON or multipart; all problems at once; nothing stored half-way. */
@KobanIntegrationTest
class ReportApiIntegrationTest {

    static final String REFERENCE = "KOBAN-R-\\d{4}-\\d{4,}";
    static final String TRACKING = "http://localhost:8080/track/[A-Za-z0-9_-]{43}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Test
    void acceptsAnAnonymousJsonReportWithoutAnyToken() throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"product": "Gateway X200", "version": "4.2", "description": "Heap overflow in the web UI",
                                 "alreadyPublic": false, "exploited": true,
                                 "references": ["https://example.org/write-up"], "reporterEmail": "finder@example.org",
                                 "creditAs": "Finder", "shareContact": true}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(matchesPattern(REFERENCE)))
                .andExpect(jsonPath("$.trackingUrl").value(matchesPattern(TRACKING)))
                .andExpect(header().doesNotExist("Location"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reference = JSON.readTree(body).get("reference").asString();
        var row = jdbc.sql("select * from report where reference = :r")
                .param("r", reference)
                .query()
                .singleRow();
        assertThat(row.get("state")).isEqualTo("RECEIVED");
        assertThat(row.get("product_text")).isEqualTo("Gateway X200");
        assertThat(row.get("product_id")).isNull();
        assertThat(row.get("exploited")).isEqualTo(true);
        assertThat(row.get("credit_as")).isEqualTo("Finder");
        // Only the hash of the capability is stored.
        String capability = JSON.readTree(body).get("trackingUrl").asString().replaceAll(".*/track/", "");
        assertThat(row.get("tracking_hash")).isNotEqualTo(capability).asString().hasSize(64);
    }

    @Test
    void resolvesACatalogueProductId() throws Exception {
        ProductView product = fixtures.product(fixtures.line());
        String body = mvc.perform(post("/api/v1/reports")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"product\": \"%s\", \"description\": \"XSS\"}".formatted(product.id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reference = JSON.readTree(body).get("reference").asString();
        assertThat(jdbc.sql("select product_id from report where reference = :r")
                        .param("r", reference)
                        .query(java.util.UUID.class)
                        .single())
                .isEqualTo(product.id());
    }

    @Test
    void acceptsMultipartWithSeveralFiles() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        byte[] poc = "#!/bin/sh\ncurl http://target/cgi-bin/../../etc/passwd\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/reports")
                        .file(new MockMultipartFile(
                                "report",
                                "",
                                MediaType.APPLICATION_JSON_VALUE,
                                "{\"description\": \"Path traversal\"}".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("attachments", "../../poc.sh", "text/x-shellscript", poc))
                        .file(new MockMultipartFile(
                                "attachments", "capture.pcap", "application/octet-stream", new byte[] {1, 2, 3}))
                        .with(freshAddress()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value(matchesPattern(REFERENCE)))
                .andExpect(jsonPath("$.trackingUrl").value(matchesPattern(TRACKING)));
        var after = IntakeTestSupport.stored(jdbc);
        assertThat(after.reports()).isEqualTo(before.reports() + 1);
        assertThat(after.attachments()).isEqualTo(before.attachments() + 2);
        assertThat(after.files()).isEqualTo(before.files() + 2);
    }

    @Test
    void listsEveryInvalidFieldAtOnceAndStoresNothing() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        String tooLong = "x".repeat(300);
        String body = mvc.perform(post("/api/v1/reports")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(java.util.Map.of(
                                "product",
                                "00000000-0000-0000-0000-00000000abcd",
                                "version",
                                tooLong,
                                "description",
                                " ",
                                "references",
                                java.util.List.of("javascript:alert(1)", "https://ok.example"),
                                "reporterName",
                                tooLong,
                                "reporterOrganisation",
                                tooLong,
                                "reporterEmail",
                                "not-an-email",
                                "reporterPgpKey",
                                "ssh-rsa AAAA",
                                "creditAs",
                                tooLong,
                                "impact",
                                "bad \u0000 control"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "product",
                                "version",
                                "description",
                                "references[0]",
                                "reporterName",
                                "reporterOrganisation",
                                "reporterEmail",
                                "reporterPgpKey",
                                "creditAs",
                                "impact")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(body).get("errors")).isNotNull();
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesUnknownFields() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(post("/api/v1/reports")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \"x\", \"state\": \"ACCEPTED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesUnknownFieldsInTheMultipartReportPartAndStoresNoFile() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(multipart("/api/v1/reports")
                        .file(new MockMultipartFile(
                                "report",
                                "",
                                MediaType.APPLICATION_JSON_VALUE,
                                "{\"description\": \"x\", \"trackingHash\": \"00\"}".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("attachments", "poc.txt", "text/plain", new byte[] {1, 2}))
                        .with(freshAddress()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("trackingHash"));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedFileAndStoresNothingNotEvenTheFilesBeforeIt() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        byte[] tooBig = new byte[25 * 1024 * 1024 + 1];
        mvc.perform(multipart("/api/v1/reports")
                        .file(new MockMultipartFile(
                                "report",
                                "",
                                MediaType.APPLICATION_JSON_VALUE,
                                "{\"description\": \"Big PoC\"}".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("attachments", "small.txt", "text/plain", new byte[] {1}))
                        .file(new MockMultipartFile("attachments", "huge.bin", "application/octet-stream", tooBig))
                        .with(freshAddress()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("huge.bin")));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void limitsSubmissionsPerAddressAndMinute() throws Exception {
        String address = IntakeTestSupport.newAddress();
        for (int i = 0; i < 10; i++) {
            // Invalid submissions count too: the limit is checked before anything else.
            mvc.perform(post("/api/v1/reports")
                            .with(from(address))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"description\": \"\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/reports")
                        .with(from(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \"valid\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // Another address is not affected.
        mvc.perform(post("/api/v1/reports")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \"valid\"}"))
                .andExpect(status().isCreated());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
