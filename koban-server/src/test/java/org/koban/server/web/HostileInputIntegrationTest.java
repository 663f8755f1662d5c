package org.koban.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.identity.UserView;
import org.koban.server.intake.IntakeTestSupport;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile text from reporters and analysts, through every field they type, rendered on every page (and API
 * response) that shows it: markup stays text, template expressions are not evaluated, SQL stays data, headers
 * stay single lines, and file names download safely. Each check also asserts the text did arrive, so that a
 * page that simply dropped the input could not pass.
 */
@KobanIntegrationTest
class HostileInputIntegrationTest {

    /** The corpus. Short enough to fit every field with its field-name prefix (version takes 100 characters). */
    static final List<String> CORPUS = List.of(
            "<script>alert('k1')</script>",
            "<img src=x onerror=alert('k2')>",
            "\"><svg/onload=alert('k3')>",
            "'><body onload=alert('k4')>",
            "javascript:alert('k5')",
            "<a href=\"javascript:alert('k6')\">click</a>",
            "&lt;script&gt;alert('k7')&lt;/script&gt; &#60;b&#62; &amp;",
            "</textarea></pre><script>alert('k8')</script>",
            "[[${T(java.lang.Runtime).getRuntime().exec('id')}]] [(${7*7})]",
            "${7*7} __${7*7}__ *{7*7} #{7*7} @{7*7} ~{7*7}",
            "'; drop table report; -- \" or 1=1 --",
            "line\r\nSet-Cookie: pwned=1\r\n\r\n<b>k12</b>",
            "\u202Egnp.exe \u202Dtxt \u2066isolated\u2069 k13",
            "<!-- --><style>*{display:none}</style><iframe src=//evil.example>");

    private static final Pattern TRACKING = Pattern.compile("/track/([A-Za-z0-9_-]{43,128})");
    private static final Set<String> URL_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "hx-get", "hx-post", "data", "srcset", "xlink:href");
    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Organisation organisation;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    UserView analyst;
    Cookie session;
    String token;
    Cookie engineerSession;
    String engineerToken;
    ProductionLineView line;
    ProductVersionView version;

    @BeforeEach
    void hostileCatalogueAndAnAnalyst() throws Exception {
        // Names that the catalogue lets through show on case pages too.
        var site = fixtures.site();
        line = organisation.createLine(
                Actor.system(),
                new ProductionLineCommand(
                        site.id(), Fixtures.unique("L"), "Line <svg onload=alert('line')> ${7*7}", ""));
        ProductView product = catalog.createProduct(
                Actor.system(),
                new ProductCommand(
                        Fixtures.unique("P"), "Gateway <img src=x onerror=alert('product')>", "", line.id(), null));
        version = fixtures.version(product, "2.0.0");
        analyst = fixtures.user(Role.PSIRT_ANALYST);
        session = signIn(analyst);
        token = fixtures.token(analyst);
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, line);
        engineerSession = signIn(engineer);
        engineerToken = fixtures.token(engineer);
    }

    static Stream<Integer> corpus() {
        return IntStream.range(0, CORPUS.size()).boxed();
    }

    private static String f(String field, String payload) {
        return field + ": " + payload;
    }

    @ParameterizedTest(name = "payload {0}")
    @MethodSource("corpus")
    void everyFieldRendersInertOnEveryPage(int index) throws Exception {
        String p = CORPUS.get(index);

        // The reporter: every text field of the form, and a file named with the payload.
        MvcResult submitted = perform(multipart("/report")
                .file(new MockMultipartFile("attachments", p + ".txt", "text/plain", bytes("poc")))
                .param("productName", f("product", p))
                .param("version", f("version", p))
                .param("description", f("description", p))
                .param("impact", f("impact", p))
                .param("stepsToReproduce", f("steps", p))
                .param("references", "https://example.org/advisory?id=" + index + "#x")
                .param("disclosurePlans", f("plans", p))
                .param("reporterName", f("name", p))
                .param("reporterOrganisation", f("organisation", p))
                .param("credit", "true")
                .param("creditAs", f("credit", p))
                .param("shareContact", "true")
                .with(csrf()));
        assertThat(submitted.getResponse().getStatus()).as("submitted").isEqualTo(200);
        Document thanks = inert(submitted, "submitted page");
        String reference = thanks.selectFirst("main strong").text();
        Matcher tracking = TRACKING.matcher(thanks.selectFirst(".capability a").attr("href"));
        assertThat(tracking.find()).isTrue();
        String capability = tracking.group(1);

        MvcResult replied = perform(multipart("/track/" + capability + "/messages")
                .file(new MockMultipartFile("attachments", "reply-" + p + ".log", "text/plain", bytes("log")))
                .param("message", f("reply", p))
                .with(csrf()));
        assertThat(replied.getResponse().getStatus()).as("reply").isEqualTo(302);

        // The analyst finds it, acknowledges, writes to the reporter and adds an internal note.
        Document queue = page("/reports?state=ALL&q=" + reference);
        shows(queue, "triage queue", f("product", p), f("version", p), f("description", p));
        String reportPath = queue.select("a[href^=/reports/]").stream()
                .filter(a -> a.text().equals(reference))
                .findFirst()
                .orElseThrow()
                .attr("href");
        String reportId = reportPath.substring("/reports/".length());
        // Acknowledging first: any message to the reporter counts as the acknowledgement.
        expect(302, post(reportPath + "/acknowledge").param("message", f("ack", p)));
        expect(302, post(reportPath + "/messages").param("message", f("psirt", p)));
        expect(
                302,
                post(reportPath + "/messages")
                        .param("message", f("internal", p))
                        .param("internal", "true"));
        // A hostile case reference when merging comes back as a notice on the report page.
        MvcResult merge = perform(post("/cases/merge-report/" + reportId)
                .param("caseReference", p)
                .cookie(session)
                .with(csrf()));
        assertThat(merge.getResponse().getRedirectedUrl()).isEqualTo(reportPath);
        assertThat(merge.getFlashMap().get("notice")).asString().startsWith("Not merged");
        inert(
                perform(get(reportPath).cookie(session).flashAttrs(merge.getFlashMap())),
                "report page with a merge refusal");

        Document report = page(reportPath);
        shows(
                report,
                "report page",
                f("product", p),
                f("version", p),
                f("description", p),
                f("impact", p),
                f("steps", p),
                f("plans", p),
                f("name", p),
                f("organisation", p),
                f("credit", p),
                f("reply", p),
                f("psirt", p),
                f("internal", p),
                f("ack", p));
        assertThat(report.select("a[href*=/attachments/]"))
                .as("both files listed")
                .hasSize(2);

        // The analyst's own fields, on the case opened from it.
        MvcResult opened = perform(post("/cases/from-report/" + reportId)
                .param("title", f("title", p))
                .cookie(session)
                .with(csrf()));
        String casePath = opened.getResponse().getRedirectedUrl();
        assertThat(casePath).matches("/cases/[0-9a-f-]{36}");
        expect(302, post(casePath + "/edit").param("title", f("title", p)).param("summary", f("summary", p)));
        expect(
                302,
                post(casePath + "/vulnerabilities/new")
                        .param("title", f("vulnerability", p))
                        .param("description", f("details", p))
                        .param("cvss3Vector", VECTOR));
        Document withVulnerability = page(casePath);
        String vulnerabilityEdit = withVulnerability
                .selectFirst("article.vulnerability a[href$=/edit]")
                .attr("href");
        String vulnerabilityId = vulnerabilityEdit.split("/")[4];
        expect(
                302,
                post(casePath + "/statuses")
                        .param("vulnerabilityId", vulnerabilityId)
                        .param("versionIds", version.id().toString())
                        .param("status", "KNOWN_AFFECTED")
                        .param("statement", f("statement", p)));
        String take = page(casePath).selectFirst("form[action$=/take]").attr("action");
        String taskPath = take.substring(0, take.length() - "/take".length());
        expect(302, post(take));
        expect(
                302,
                post(taskPath + "/move")
                        .param("target", "IN_PROGRESS")
                        .param("fixedVersions", f("fixed", p))
                        .param("reason", f("reason", p)));
        expect(302, post(casePath + "/notes").param("text", f("note", p)));
        expect(302, post(casePath + "/messages").param("text", f("message", p)));

        Document casePage = page(casePath);
        String caseReference = casePage.selectFirst("h1 span").text();
        shows(
                casePage,
                "case page",
                f("title", p),
                f("summary", p),
                f("vulnerability", p),
                f("details", p),
                f("statement", p),
                f("fixed", p),
                f("reason", p),
                f("note", p),
                f("message", p),
                f("description", p),
                f("credit", p),
                version.productName(),
                line.name());
        shows(page("/cases?state=ALL&q=" + caseReference), "case list", f("title", p));
        // The line's engineer sees the case through the same templates, and through the API without the
        // reporter's contact details.
        MvcResult forEngineer = perform(get(casePath).cookie(engineerSession));
        assertThat(forEngineer.getResponse().getStatus()).isEqualTo(200);
        shows(
                inert(forEngineer, "case page for the line's engineer"),
                "case page for the line's engineer",
                f("title", p),
                f("statement", p),
                f("fixed", p),
                f("note", p),
                line.name());
        String engineerJson = json("/api/v1/cases/" + casePath.substring("/cases/".length()), engineerToken);
        assertThat(lines(JsonPath.read(engineerJson, "$.reports[0].description")))
                .isEqualTo(lines(f("description", p)));
        assertThat(JsonPath.<Object>read(engineerJson, "$.reports[0].reporterName"))
                .isNull();
        shows(page(vulnerabilityEdit), "vulnerability form", f("vulnerability", p), f("details", p));
        shows(page("/"), "dashboard", line.name());

        // The reporter's page: everything said to them, never the internal note or case notes.
        Document track = inert(perform(get("/track/" + capability)), "tracking page");
        shows(track, "tracking page", f("reply", p), f("psirt", p), f("ack", p), f("message", p));
        assertThat(normalised(text(track)))
                .as("tracking page keeps internal words inside")
                .doesNotContain(normalised(f("internal", p)))
                .doesNotContain(normalised(f("note", p)));

        // The API returns the text as data, exactly as typed, and as JSON that no browser renders as a page.
        String reportJson = json("/api/v1/reports/" + reportId);
        assertThat(lines(JsonPath.read(reportJson, "$.description"))).isEqualTo(lines(f("description", p)));
        assertThat(lines(JsonPath.read(reportJson, "$.reporterName"))).isEqualTo(lines(f("name", p)));
        assertThat(lines(JsonPath.read(reportJson, "$.product"))).isEqualTo(lines(f("product", p)));
        String caseJson = json("/api/v1/cases/" + casePath.substring("/cases/".length()));
        assertThat(lines(JsonPath.read(caseJson, "$.title"))).isEqualTo(lines(f("title", p)));
        assertThat(lines(JsonPath.read(caseJson, "$.summary"))).isEqualTo(lines(f("summary", p)));
        assertThat(lines(JsonPath.read(caseJson, "$.vulnerabilities[0].description")))
                .isEqualTo(lines(f("details", p)));
        assertThat(lines(JsonPath.read(caseJson, "$.tasks[0].fixedVersions"))).isEqualTo(lines(f("fixed", p)));

        // SQL in text is data: the table is still there and holds the text verbatim.
        assertThat(jdbc.sql("select description from report where reference = :reference")
                        .param("reference", reference)
                        .query(String.class)
                        .single())
                .satisfies(d -> assertThat(lines(d)).isEqualTo(lines(f("description", p))));

        // The hostile file name downloads as an opaque attachment with a header that stays one line.
        for (Element link : casePage.select("a[href*=/attachments/]")) {
            download(link.attr("href"), link.text());
        }
        for (Element link : report.select("a[href*=/attachments/]")) {
            download(link.attr("href"), link.text());
        }
    }

    @ParameterizedTest(name = "payload {0}")
    @MethodSource("corpus")
    void questionsAnswersAndClosingRenderInert(int index) throws Exception {
        String p = CORPUS.get(index);
        // References must be web addresses; these are valid ones that still carry markup and a script URL.
        String reference1 = "https://example.org/?q=%3Cscript%3Ealert('r" + index + "')%3C/script%3E";
        String reference2 = "https://example.org/go?to=javascript:alert(" + index + ")&x='%22%3E";
        MvcResult submitted = perform(multipart("/report")
                .param("description", f("description", p))
                .param("references", reference1 + "\r\n" + reference2)
                .with(csrf()));
        assertThat(submitted.getResponse().getStatus()).as("submitted").isEqualTo(200);
        Document thanks = inert(submitted, "submitted page");
        String reference = thanks.selectFirst("main strong").text();
        Matcher tracking = TRACKING.matcher(thanks.selectFirst(".capability a").attr("href"));
        assertThat(tracking.find()).isTrue();
        String trackPath = "/track/" + tracking.group(1);
        String reportPath = reportPath(reference);

        expect(302, post(reportPath + "/ask").param("question", f("question", p)));
        MvcResult answered = perform(
                post(trackPath + "/messages").param("message", f("answer", p)).with(csrf()));
        assertThat(answered.getResponse().getStatus()).as("answer").isEqualTo(302);
        expect(
                302,
                post(reportPath + "/close")
                        .param("reason", "OTHER_VENDOR")
                        .param("forwardedTo", f("forwarded", p))
                        .param("message", f("closing", p)));

        Document report = page(reportPath);
        shows(
                report,
                "closed report",
                f("description", p),
                f("question", p),
                f("answer", p),
                f("forwarded", p),
                f("closing", p),
                reference1,
                reference2);
        // Reporter URLs are text, never links.
        assertThat(report.select("a[href*=example.org]"))
                .as("reporter URLs as links")
                .isEmpty();
        shows(page("/reports?state=ALL&q=" + reference), "triage queue", f("description", p));
        Document track = inert(perform(get(trackPath)), "tracking page");
        shows(track, "tracking page", f("question", p), f("answer", p), f("closing", p), f("forwarded", p));
        String json = json("/api/v1/reports/" + reportPath.substring("/reports/".length()));
        assertThat(lines(JsonPath.read(json, "$.forwardedTo"))).isEqualTo(lines(f("forwarded", p)));
        assertThat(JsonPath.<List<String>>read(json, "$.references")).containsExactly(reference1, reference2);
    }

    @Test
    void hostileFileNamesAreShownAsTextAndDownloadSafely() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("<img src=x onerror=alert('f1')>.png", "<img src=x onerror=alert('f1')>.png");
        names.put("\"><svg onload=alert('f2')>.svg", "\"><svg onload=alert('f2')>.svg");
        // The right-to-left override would show "poc\u202Egpj.exe" as "pocexe.jpg": bidi controls go.
        names.put("poc\u202Egpj.exe", "pocgpj.exe");
        names.put("x\r\nSet-Cookie: pwned=1.txt", "xSet-Cookie: pwned=1.txt");
        names.put("${7*7}__${7*7}__.txt", "${7*7}__${7*7}__.txt");
        names.put("..\\..\\windows\\win.ini", "win.ini");
        names.put("'; drop table report; --.sh", "'; drop table report; --.sh");
        var request = multipart("/report").param("description", "files " + Fixtures.unique("F"));
        for (String name : names.keySet()) {
            request.file(new MockMultipartFile("attachments", name, "application/octet-stream", bytes(name)));
        }
        MvcResult submitted = perform(request.with(csrf()));
        assertThat(submitted.getResponse().getStatus()).isEqualTo(200);
        String reference =
                inert(submitted, "submitted").selectFirst("main strong").text();
        Matcher tracking = TRACKING.matcher(submitted.getResponse().getContentAsString());
        assertThat(tracking.find()).isTrue();

        Document queue = page("/reports?q=" + reference);
        String reportPath = queue.select("a[href^=/reports/]").stream()
                .filter(a -> a.text().equals(reference))
                .findFirst()
                .orElseThrow()
                .attr("href");
        Document report = page(reportPath);
        List<String> shown = new ArrayList<>();
        for (Element link : report.select("a[href*=/attachments/]")) {
            shown.add(link.text());
            download(link.attr("href"), link.text());
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(names.values());
        Document track = inert(perform(get("/track/" + tracking.group(1))), "tracking page");
        for (String name : names.values()) shows(track, "tracking page", name);
    }

    @Test
    void fieldsAtTheirLimitsAreKeptAndJustOverAreRefusedWithTheFormShownInert() throws Exception {
        String p = CORPUS.get(1);
        // Each form field with its limit.
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("productName", 200);
        limits.put("version", 100);
        limits.put("description", 20_000);
        limits.put("impact", 10_000);
        limits.put("stepsToReproduce", 20_000);
        limits.put("disclosurePlans", 10_000);
        limits.put("reporterName", 200);
        limits.put("reporterOrganisation", 200);
        limits.put("creditAs", 200);
        String email = "<script>alert('e')</script>@example.org";

        var atLimit = multipart("/report").param("credit", "true").param("reporterEmail", email);
        var overLimit = multipart("/report").param("credit", "true").param("reporterEmail", email);
        for (var field : limits.entrySet()) {
            atLimit.param(field.getKey(), padded(p, field.getValue()));
            overLimit.param(field.getKey(), padded(p, field.getValue() + 1));
        }
        MvcResult refused = perform(overLimit.with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document form = inert(refused, "refused report form");
        for (var field : limits.entrySet()) {
            String problem = field.getKey().equals("productName") ? "product" : field.getKey();
            assertThat(form.select(".alert").text()).as(field.getKey()).contains(problem);
            // What was typed comes back whole, as a value, not as markup.
            assertThat(form.selectFirst("[name=" + field.getKey() + "]").val())
                    .isEqualTo(padded(p, field.getValue() + 1));
        }

        MvcResult accepted = perform(atLimit.with(csrf()));
        assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
        String reference =
                inert(accepted, "submitted").selectFirst("main strong").text();
        Document queue = page("/reports?q=" + reference);
        String reportPath = queue.select("a[href^=/reports/]").stream()
                .filter(a -> a.text().equals(reference))
                .findFirst()
                .orElseThrow()
                .attr("href");
        Document report = page(reportPath);
        for (var field : limits.entrySet()) {
            shows(report, "report page", padded(p, field.getValue()));
        }
        shows(report, "report page", email);
    }

    @Test
    void hostileSearchesAndRefusedInputsAreEchoedInert() throws Exception {
        for (String p : CORPUS) {
            Document reports = search("/reports", p);
            assertThat(lines(reports.selectFirst("input[name=q]").val())).isEqualTo(lines(p));
            Document cases = search("/cases", p);
            assertThat(lines(cases.selectFirst("input[name=q]").val())).isEqualTo(lines(p));
            inert(perform(get("/scoring/cvss-preview").param("cvss3Vector", p).cookie(session)), "cvss preview");
            inert(perform(get("/scoring/cwe-options").param("cwe", p).cookie(session)), "cwe options");
        }
        // A reference that is not a web address is refused and shown back as text, never as a link.
        MvcResult refused = perform(multipart("/report")
                .param("description", "references")
                .param("references", "javascript:alert('r1')\nhttps://example.org/ok")
                .with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document form = inert(refused, "refused references");
        assertThat(form.select(".alert").text()).contains("references[0]");
        assertThat(form.selectFirst("[name=references]").val()).contains("javascript:alert('r1')");

        // Vectors, CWE and CVE are checked; refused, the whole form comes back inert.
        String casePath = openCase();
        for (String p : CORPUS) {
            MvcResult vulnerability = perform(post(casePath + "/vulnerabilities/new")
                    .param("title", p)
                    .param("cwe", p.length() > 20 ? p.substring(0, 20) : p)
                    .param("cvss3Vector", p)
                    .param("cvss4Vector", p)
                    .param("cve", p.length() > 30 ? p.substring(0, 30) : p)
                    .cookie(session)
                    .with(csrf()));
            assertThat(vulnerability.getResponse().getStatus()).isEqualTo(400);
            Document echoed = inert(vulnerability, "refused vulnerability");
            assertThat(lines(echoed.selectFirst("[name=title]").val())).isEqualTo(lines(p));
            assertThat(lines(echoed.selectFirst("[name=cvss3Vector]").val())).isEqualTo(lines(p));
        }
        // A refused note comes back in its field, inert.
        MvcResult tooLong = perform(post(casePath + "/notes")
                .param("text", padded(CORPUS.get(0), 20_001))
                .cookie(session)
                .with(csrf()));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        inert(tooLong, "refused note");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The report's page, found the way an analyst finds it: by its reference in the triage queue. */
    private String reportPath(String reference) throws Exception {
        return page("/reports?state=ALL&q=" + reference).select("a[href^=/reports/]").stream()
                .filter(a -> a.text().equals(reference))
                .findFirst()
                .orElseThrow()
                .attr("href");
    }

    private String openCase() throws Exception {
        MvcResult submitted = perform(multipart("/report")
                .param("description", "plain " + Fixtures.unique("D"))
                .with(csrf()));
        String reference = Jsoup.parse(submitted.getResponse().getContentAsString())
                .selectFirst("main strong")
                .text();
        String reportPath = page("/reports?q=" + reference).select("a[href^=/reports/]").stream()
                .filter(a -> a.text().equals(reference))
                .findFirst()
                .orElseThrow()
                .attr("href");
        MvcResult opened = perform(post("/cases/from-report/" + reportPath.substring("/reports/".length()))
                .param("title", "plain case")
                .cookie(session)
                .with(csrf()));
        return opened.getResponse().getRedirectedUrl();
    }

    private Cookie signIn(UserView user) throws Exception {
        return mvc.perform(formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    /**
     * Performs a request from a fresh client address (the public form is rate-limited per address), and checks
     * what every response must hold: headers that are single lines, and no cookie set by input.
     */
    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MvcResult result =
                mvc.perform(request.with(IntakeTestSupport.freshAddress())).andReturn();
        MockHttpServletResponse response = result.getResponse();
        for (String name : response.getHeaderNames()) {
            for (String value : response.getHeaders(name)) {
                assertThat(value).as("header " + name).doesNotContain("\r").doesNotContain("\n");
            }
        }
        assertThat(response.getHeaders(HttpHeaders.SET_COOKIE))
                .as("no cookie injected")
                .noneMatch(c -> c.contains("pwned"));
        return result;
    }

    private void expect(int status, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = perform(request.cookie(session).with(csrf()));
        assertThat(result.getResponse().getStatus())
                .as(result.getRequest().getRequestURI() + " "
                        + result.getResponse().getContentAsString())
                .isEqualTo(status);
    }

    /** A page as the analyst, checked inert. */
    private Document page(String path) throws Exception {
        MvcResult result = perform(get(path).cookie(session));
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return inert(result, path);
    }

    private Document search(String path, String query) throws Exception {
        MvcResult result = perform(get(path).param("q", query).cookie(session));
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return inert(result, path + " searching " + query);
    }

    private String json(String path) throws Exception {
        return json(path, token);
    }

    private String json(String path, String bearer) throws Exception {
        MvcResult result = perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer));
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).as(path).startsWith("application/json");
        assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private void download(String path, String shownName) throws Exception {
        MvcResult result = perform(get(path).cookie(session));
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/octet-stream");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String header = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).startsWith("attachment;");
        ContentDisposition disposition = ContentDisposition.parse(header);
        assertThat(disposition.isAttachment()).isTrue();
        String name = disposition.getFilename();
        // The name the browser saves is the name the page showed: one plain file name, no path, no controls.
        assertThat(name).isEqualTo(shownName);
        assertThat(name).doesNotContain("/").doesNotContain("\\");
        assertThat(name.codePoints()).noneMatch(c -> Character.isISOControl(c) || isBidiControl(c));
    }

    static boolean isBidiControl(int c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * Parses the page as a browser would and asserts nothing of it can run: no inline script, no event
     * handler attribute, no script URL, no foreign element that input could have created.
     */
    private static Document inert(MvcResult result, String where) throws Exception {
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getContentType()).as(where).startsWith("text/html");
        assertThat(html)
                .as(where)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<svg/onload")
                .doesNotContain("<svg onload")
                .doesNotContain("<iframe")
                .doesNotContain("<style>");
        Document doc = Jsoup.parse(html);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name)
                        .as(where + ": event handler on <" + e.tagName() + ">")
                        .doesNotStartWith("on");
                if (URL_ATTRIBUTES.contains(name)) {
                    String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(value)
                            .as(where + ": " + name)
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("data:");
                }
            }
        }
        for (Element script : doc.select("script")) {
            assertThat(script.attr("src")).as(where + ": script").startsWith("/");
            assertThat(script.data()).as(where + ": inline script").isBlank();
        }
        for (Element img : doc.select("img"))
            assertThat(img.attr("src")).as(where).startsWith("/img/");
        assertThat(doc.select("iframe, object, embed, style, base, frame, link[rel=import], meta[http-equiv]"))
                .as(where)
                .isEmpty();
        for (Element svg : doc.select("svg")) {
            assertThat(svg.children())
                    .as(where + ": svg holds only chart bars")
                    .allMatch(c -> c.tagName().equals("rect"));
        }
        assertThat(doc.select("body")).as(where).hasSize(1);
        return doc;
    }

    /** Asserts that each text arrived on the page as text (or as a form value), exactly as typed. */
    private static void shows(Document doc, String where, String... texts) {
        String shown = normalised(text(doc));
        for (String expected : texts) {
            assertThat(shown).as(where + " shows " + expected).contains(normalised(expected));
            // Evaluated, ${7*7} would read 49.
            if (expected.contains("${7*7}")) {
                assertThat(shown)
                        .as(where + " evaluated an expression")
                        .doesNotContain(normalised(expected.replace("${7*7}", "49")));
            }
        }
    }

    private static String text(Document doc) {
        StringBuilder all = new StringBuilder(doc.body().wholeText());
        for (Element field : doc.select("input[value], textarea"))
            all.append(' ').append(field.val());
        return all.toString();
    }

    /** HTML turns CR LF into LF and we compare across element boundaries: whitespace counts as one space. */
    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String padded(String payload, int length) {
        return payload + "x".repeat(length - payload.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
