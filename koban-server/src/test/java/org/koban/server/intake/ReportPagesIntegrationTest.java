package org.koban.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.koban.server.intake.IntakeTestSupport.freshAddress;
import static org.koban.server.intake.IntakeTestSupport.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.koban.server.catalog.ProductView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The public pages: report form, success page, tracking and withdrawal, honeypot, rate limit, security.txt. */
@KobanIntegrationTest
class ReportPagesIntegrationTest {

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
    private static final Pattern TRACK = Pattern.compile("http://localhost:8080/track/([A-Za-z0-9_-]{43})");
    private static final List<String> TEXT_FIELDS = List.of(
            "productName",
            "version",
            "description",
            "impact",
            "stepsToReproduce",
            "disclosurePlans",
            "reporterName",
            "reporterOrganisation",
            "reporterPgpKey",
            "creditAs",
            "references");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    private static MockMultipartHttpServletRequestBuilder form() {
        return multipart("/report");
    }

    @Test
    void showsTheFormToAnonymousVisitorsWithPublicProductNamesAndAHoneypot() throws Exception {
        ProductView product = fixtures.product(fixtures.line());
        mvc.perform(get("/report"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report a vulnerability")))
                .andExpect(content().string(containsString(product.name())))
                .andExpect(content().string(containsString("class=\"honeypot\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString(product.lineName()))));
    }

    @Test
    void refusesAFormWithoutCsrfToken() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(form().param("description", "no token").with(freshAddress()))
                .andExpect(status().isForbidden());
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void submitsWithFilesAndShowsTheReferenceAndTrackingLinkOnce() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        String page = mvc.perform(form().file(new MockMultipartFile(
                                "attachments", "poc.py", "text/x-python", "print(1)".getBytes(StandardCharsets.UTF_8)))
                        .param("description", "SQL injection in search")
                        .param("references", "https://example.org/a\n\nhttps://example.org/b")
                        .param("credit", "true")
                        .param("reporterName", "Ada")
                        .with(csrf())
                        .with(freshAddress()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("KOBAN-R-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(TRACK.matcher(page).find()).isTrue();
        var after = IntakeTestSupport.stored(jdbc);
        assertThat(after.reports()).isEqualTo(before.reports() + 1);
        assertThat(after.files()).isEqualTo(before.files() + 1);
        assertThat(jdbc.sql("select credit_as from report order by received_at desc, reference desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("Ada");
    }

    @Test
    void showsEveryProblemAndKeepsEverythingTypedWhenInvalid() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(form().param("productName", "My router")
                        .param("impact", "Full takeover")
                        .param("description", "")
                        .param("reporterEmail", "nope")
                        .param("references", "ftp://example.org/x")
                        .param("exploited", "true")
                        .with(csrf())
                        .with(freshAddress()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("description")))
                .andExpect(content().string(containsString("reporterEmail")))
                .andExpect(content().string(containsString("references[0]")))
                .andExpect(content().string(containsString("value=\"My router\"")))
                .andExpect(content().string(containsString(">Full takeover</textarea>")))
                .andExpect(content().string(containsString("ftp://example.org/x")))
                .andExpect(content().string(containsString("select your attachments again")));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void pretendsSuccessButStoresNothingWhenTheHoneypotIsFilled() throws Exception {
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(form().param("description", "Buy cheap pills")
                        .param("website", "http://spam.example")
                        .with(csrf())
                        .with(freshAddress()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("your report was received")));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void answersTooManyWithAFriendlyPageThatKeepsTheText() throws Exception {
        String address = IntakeTestSupport.newAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(form().param("description", "").with(csrf()).with(from(address)))
                    .andExpect(status().isBadRequest());
        }
        var before = IntakeTestSupport.stored(jdbc);
        mvc.perform(form().param("description", "My carefully written report")
                        .with(csrf())
                        .with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many reports")))
                .andExpect(content().string(containsString("My carefully written report")));
        assertThat(IntakeTestSupport.stored(jdbc)).isEqualTo(before);
    }

    @Test
    void tracksTheReportAndLetsTheReporterWithdrawIt() throws Exception {
        String capability = submitThroughForm("description", "Withdraw me");
        mvc.perform(get("/track/" + capability))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Received")))
                .andExpect(content().string(containsString("Withdraw this report")));
        mvc.perform(post("/track/" + capability + "/withdraw").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/track/" + capability));
        mvc.perform(get("/track/" + capability))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdrawn")))
                .andExpect(content().string(not(containsString("Withdraw this report"))));
        assertThat(jdbc.sql(
                                "select state from report where tracking_hash = encode(sha256(convert_to(:c, 'UTF8')), 'hex')")
                        .param("c", capability)
                        .query(String.class)
                        .single())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void refusesWithdrawalWithoutCsrfToken() throws Exception {
        String capability = submitThroughForm("description", "Keep me");
        mvc.perform(post("/track/" + capability + "/withdraw")).andExpect(status().isForbidden());
        mvc.perform(get("/track/" + capability)).andExpect(content().string(containsString("Withdraw this report")));
    }

    @Test
    void answersNotFoundForAWrongCapability() throws Exception {
        mvc.perform(get("/track/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/track/short")).andExpect(status().isNotFound());
        mvc.perform(post("/track/" + "B".repeat(43) + "/withdraw").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void rendersXssPayloadsInEveryFieldInert() throws Exception {
        // Invalid (bad email) so that the form comes back with every typed value.
        var request = form().param("reporterEmail", XSS).with(csrf()).with(freshAddress());
        for (String field : TEXT_FIELDS) request.param(field, XSS);
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(")));
        // Valid, with the payload in every text field: success and tracking pages stay inert.
        String capability = submitThroughForm(TEXT_FIELDS.stream()
                .filter(f -> !f.equals("references") && !f.equals("reporterPgpKey"))
                .flatMap(f -> java.util.stream.Stream.of(f, XSS))
                .toArray(String[]::new));
        mvc.perform(get("/track/" + capability))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void publishesSecurityTxt() throws Exception {
        Instant before = clock.instant();
        String text = mvc.perform(get("/.well-known/security.txt"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Instant after = clock.instant();
        assertThat(text)
                .contains("Contact: http://localhost:8080/report\n")
                .contains("Policy: http://localhost:8080/report\n")
                .contains("Preferred-Languages: en\n")
                .contains("Canonical: http://localhost:8080/.well-known/security.txt\n");
        Matcher expires = Pattern.compile("Expires: (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\n")
                .matcher(text);
        assertThat(expires.find()).isTrue();
        Instant at = Instant.parse(expires.group(1));
        assertThat(at).isBetween(before.plus(Duration.ofDays(365)).minusSeconds(1), after.plus(Duration.ofDays(365)));
    }

    /** Submits a valid form with the given field/value pairs; returns the tracking capability. */
    private String submitThroughForm(String... fieldsAndValues) throws Exception {
        var request = form().with(csrf()).with(freshAddress());
        boolean hasDescription = false;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            request.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
            hasDescription |= fieldsAndValues[i].equals("description");
        }
        if (!hasDescription) request.param("description", "A report");
        String page = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher link = TRACK.matcher(page);
        assertThat(link.find()).as(page).isTrue();
        return link.group(1);
    }
}
