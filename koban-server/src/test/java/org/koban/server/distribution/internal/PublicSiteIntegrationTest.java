package org.koban.server.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.koban.csaf.CsafValidator;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryView;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.intake.Intake;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSAF provider directory as a downloader meets it: from security.txt to provider-metadata.json (valid
 * against the provider schema), through the ROLIE feed and index.txt to every document, whose hashes and OpenPGP
 * signature are checked against the published key. Also: a publication interrupted midway leaves the previous
 * state readable and the next sync completes it, and adding one advisory rewrites only its files and the
 * listings.
 */
@KobanIntegrationTest
class PublicSiteIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROVIDER_SCHEMA =
            "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";

    @Autowired
    MockMvc mvc;

    @Autowired
    SiteWriter site;

    @Autowired
    Advisories advisories;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noCrashForOthers() {
        site.checkpoint(step -> {});
    }

    /** Publishes a new advisory through the services; the site syncs after the publication commits. */
    private AdvisoryView publish(String title) {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        var version = fixtures.version(fixtures.product(fixtures.line()), "1.0");
        var c = cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, title, null, false).reference()), title);
        var v = cases.addVulnerability(
                analyst, c.id(), new VulnerabilityCommand(title, "What goes wrong.", "CWE-787", null, null, null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(v.id(), List.of(version.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        AdvisoryView a = advisories.createFromCase(analyst, c.id());
        advisories.submit(analyst, a.id());
        advisories.approve(manager, a.id());
        return advisories.publish(manager, a.id());
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        String path = url.replace("http://localhost:8080", "");
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private String text(String url) throws Exception {
        MockHttpServletResponse response = fetch(url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDownloaderFindsVerifiesAndReadsEveryDocument() throws Exception {
        AdvisoryView first = publish("Walk one " + Fixtures.unique("w"));
        AdvisoryView second = publish("Walk two " + Fixtures.unique("w"));

        // security.txt names the provider metadata (requirement 8).
        String securityTxt = text("/.well-known/security.txt");
        String metadataUrl = securityTxt
                .lines()
                .filter(l -> l.startsWith("CSAF: "))
                .findFirst()
                .orElseThrow()
                .substring("CSAF: ".length());
        assertThat(metadataUrl).endsWith("/.well-known/csaf/provider-metadata.json");
        JsonNode metadata = JSON.readTree(text(metadataUrl));
        assertThat(providerSchema().validate(metadata)).isEmpty();
        assertThat(metadata.path("role").asString()).isEqualTo("csaf_trusted_provider");
        assertThat(metadata.path("canonical_url").asString()).isEqualTo(metadataUrl);

        // The published key, and its fingerprint as announced.
        JsonNode keyEntry = metadata.at("/public_openpgp_keys/0");
        OpenPGPApi api = new BcOpenPGPApi();
        OpenPGPCertificate certificate = api.readKeyOrCertificate()
                .parseCertificate(text(keyEntry.path("url").asString()));
        assertThat(HexFormat.of().withUpperCase().formatHex(certificate.getFingerprint()))
                .isEqualTo(keyEntry.path("fingerprint").asString());

        // The key's secret part is stored only encrypted with its passphrase.
        String secret = jdbc.sql("select secret_key from signing_key where active")
                .query(String.class)
                .single();
        var storedKey = api.readKeyOrCertificate().parseKey(secret);
        assertThat(storedKey.getPrimarySecretKey().isLocked()).isTrue();
        assertThat(storedKey.getPrimarySecretKey().isPassphraseCorrect("wrong".toCharArray()))
                .isFalse();

        // Every feed, every entry: the document, its hashes, its signature.
        List<String> fromFeeds = new ArrayList<>();
        for (JsonNode distribution : metadata.path("distributions")) {
            for (JsonNode feedRef : distribution.at("/rolie/feeds")) {
                JsonNode feed =
                        JSON.readTree(text(feedRef.path("url").asString())).path("feed");
                for (JsonNode entry : feed.path("entry")) {
                    String self = null;
                    List<String> hashes = new ArrayList<>();
                    String signature = null;
                    for (JsonNode link : entry.path("link")) {
                        switch (link.path("rel").asString()) {
                            case "self" -> self = link.path("href").asString();
                            case "hash" -> hashes.add(link.path("href").asString());
                            case "signature" -> signature = link.path("href").asString();
                            default -> {}
                        }
                    }
                    byte[] document = fetch(self).getContentAsByteArray();
                    assertThat(fetch(self).getStatus()).isEqualTo(200);
                    for (String hash : hashes) {
                        String algorithm = hash.endsWith(".sha512") ? "SHA-512" : "SHA-256";
                        assertThat(text(hash).split(" ")[0]).as(hash).isEqualTo(hex(algorithm, document));
                    }
                    assertThat(hashes).hasSize(2);
                    var verified = api.verifyDetachedSignature()
                            .addSignatures(
                                    new ByteArrayInputStream(text(signature).getBytes(StandardCharsets.US_ASCII)))
                            .addVerificationCertificate(certificate)
                            .process(new ByteArrayInputStream(document));
                    assertThat(verified).isNotEmpty();
                    assertThat(verified).allSatisfy(s -> assertThat(s.isValid()).isTrue());
                    assertThat(CsafValidator.validate(document, CsafValidator.Options.STRICT)
                                    .valid())
                            .isTrue();
                    fromFeeds.add(self);
                }
            }
            // The directory distribution: index.txt names exactly the documents the feed lists.
            String directory = distribution.path("directory_url").asString();
            List<String> fromIndex = text(directory + "index.txt")
                    .lines()
                    .map(l -> directory + l)
                    .toList();
            assertThat(fromIndex).containsExactlyInAnyOrderElementsOf(fromFeeds);
            List<String> changes = text(directory + "changes.csv").lines().toList();
            assertThat(changes).hasSameSizeAs(fromIndex);
            List<String> dates = changes.stream()
                    .map(l -> l.split("\",\"")[1].replace("\"", ""))
                    .toList();
            assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(text(directory)).contains("index.txt").contains("changes.csv");
        }
        assertThat(fromFeeds)
                .anySatisfy(url -> assertThat(url).endsWith(first.csafFileName()))
                .anySatisfy(url -> assertThat(url).endsWith(second.csafFileName()));
        // Nothing hidden or outside the tree is served.
        assertThat(fetch("/.well-known/csaf/white/.index.txt.tmp-x").getStatus())
                .isEqualTo(404);
        assertThat(fetch("/.well-known/csaf/nothing-here.json").getStatus()).isEqualTo(404);
    }

    @Test
    void anInterruptedPublicationLeavesThePreviousSiteAndTheNextSyncCompletesIt() throws Exception {
        publish("Before the crash " + Fixtures.unique("c"));
        Path white = site.csafDirectory().resolve("white");
        String indexBefore = Files.readString(white.resolve("index.txt"));
        String feedBefore = Files.readString(white.resolve("csaf-feed-tlp-white.json"));

        // Killed after the new document was moved into place but before its hash and signature files.
        site.checkpoint(step -> {
            if (step.startsWith("document ") && !step.startsWith("document files")) throw new Crash(step);
        });
        AdvisoryView crashed = publish("During the crash " + Fixtures.unique("c"));
        assertThat(Files.readString(white.resolve("index.txt"))).isEqualTo(indexBefore);
        assertThat(Files.readString(white.resolve("csaf-feed-tlp-white.json"))).isEqualTo(feedBefore);
        assertThat(indexBefore).doesNotContain(crashed.csafFileName());
        // Everything a listing names is there, complete.
        for (String line : indexBefore.lines().toList()) {
            assertThat(white.resolve(line)).isRegularFile();
            assertThat(white.resolve(line + ".sha512")).isRegularFile();
            assertThat(white.resolve(line + ".asc")).isRegularFile();
        }
        assertThat(leftovers()).isEmpty();

        // Killed again while writing the listings: the index is new, the feed still the old one.
        site.checkpoint(step -> {
            if (step.equals("index white")) throw new Crash(step);
        });
        assertThatThrownBy(site::sync).isInstanceOf(Crash.class);
        assertThat(Files.readString(white.resolve("index.txt"))).contains(crashed.csafFileName());
        String year = String.valueOf(
                crashed.initialReleaseDate().atZone(java.time.ZoneOffset.UTC).getYear());
        Path document = white.resolve(year).resolve(crashed.csafFileName());
        assertThat(document.resolveSibling(crashed.csafFileName() + ".sha512")).isRegularFile();
        assertThat(document.resolveSibling(crashed.csafFileName() + ".asc")).isRegularFile();

        // A kill in the middle of writing a file leaves only a hidden temporary file: never served, then removed.
        Path partial = white.resolve(".changes.csv.tmp-" + java.util.UUID.randomUUID());
        Files.writeString(partial, "\"2026/half");
        assertThat(fetch("/.well-known/csaf/white/" + partial.getFileName()).getStatus())
                .isEqualTo(404);
        assertThat(text("/.well-known/csaf/white/")).doesNotContain(".tmp-");

        // The next sync completes the publication and rewrites no document.
        site.checkpoint(step -> {});
        var report = site.sync();
        assertThat(report.written()).noneMatch(p -> p.endsWith(".json") && p.contains("/" + year + "/"));
        assertThat(Files.readString(white.resolve("csaf-feed-tlp-white.json"))).contains(crashed.trackingId());
        assertThat(Files.readString(site.csafDirectory().resolve("provider-metadata.json")))
                .contains("csaf_trusted_provider");
        assertThat(partial).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void addingOneAdvisoryWritesItsFilesAndTheListingsOnly() {
        publish("Existing " + Fixtures.unique("i"));
        var quiet = site.sync();
        assertThat(quiet.written()).noneMatch(p -> p.matches(".*/\\d{4}/.*"));
        AdvisoryView added = publish("Added " + Fixtures.unique("i"));
        // The sync after the publication ran already; run it once more with the new one removed to see what it writes.
        Path year = site.csafDirectory()
                .resolve("white")
                .resolve(String.valueOf(added.initialReleaseDate()
                        .atZone(java.time.ZoneOffset.UTC)
                        .getYear()));
        for (String suffix : List.of("", ".sha256", ".sha512", ".asc")) {
            try {
                Files.delete(year.resolve(added.csafFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var report = site.sync();
        List<String> documentFiles =
                report.written().stream().filter(p -> p.matches(".*/\\d{4}/.*")).toList();
        assertThat(documentFiles).hasSize(4).allSatisfy(p -> assertThat(p).contains(added.csafFileName()));
        assertThat(report.written())
                .anySatisfy(p -> assertThat(p).endsWith("index.txt"))
                .anySatisfy(p -> assertThat(p).endsWith("changes.csv"))
                .anySatisfy(p -> assertThat(p).endsWith("csaf-feed-tlp-white.json"))
                .anySatisfy(p -> assertThat(p).endsWith("provider-metadata.json"));
        assertThat(report.documentsUnchanged()).isPositive();
    }

    @Test
    void peopleFindAdvisoriesByProductSeverityYearAndCveAndReadThemAndTheirFeed() throws Exception {
        AdvisoryView published = publish("People <script>alert(1)</script> " + Fixtures.unique("p"));
        String index = text("/security/advisories");
        assertThat(index).contains(published.trackingId()).doesNotContain("<script>alert(1)</script>");
        String year = String.valueOf(
                published.initialReleaseDate().atZone(java.time.ZoneOffset.UTC).getYear());
        assertThat(text("/security/advisories?year=" + year)).contains(published.trackingId());
        assertThat(text("/security/advisories?year=1999")).doesNotContain(published.trackingId());
        assertThat(text("/security/advisories?q=" + published.trackingId())).contains(published.trackingId());
        assertThat(text("/security/advisories?cve=CVE-1999-0001")).doesNotContain(published.trackingId());
        assertThat(text("/security/advisories?severity=Critical")).doesNotContain(published.trackingId());
        String product = AdvisoryDocumentProducts.first(advisories.publishedCsaf(Actor.system(), published.id(), 1));
        // Part of the product's name (its code, unique to this test) finds it.
        String code = java.util.Arrays.stream(product.split(" "))
                .filter(t -> t.startsWith("P-"))
                .findFirst()
                .orElseThrow();
        assertThat(text("/security/advisories?product=" + code)).contains(published.trackingId());
        assertThat(text("/security/advisories?product=no-such-product")).doesNotContain(published.trackingId());
        String page = text("/security/advisories/" + published.trackingId());
        assertThat(page)
                .contains(published.trackingId())
                .contains("CWE-787")
                .contains("Affected")
                .contains("/.well-known/csaf/white/" + year + "/" + published.csafFileName())
                .doesNotContain("<script>alert(1)</script>");
        assertThat(fetch("/security/advisories/KOBAN-SA-1999-9999").getStatus()).isEqualTo(404);
        String atom = text("/security/advisories/feed.atom");
        var feed = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isNull();
        assertThat(feed.getDocumentElement().getTagName()).isEqualTo("feed");
        assertThat(atom).contains(published.trackingId()).contains("http://www.w3.org/2005/Atom");
        // The same pages are in the static tree, linked relatively.
        Path pages = site.root().resolve("security").resolve("advisories");
        assertThat(Files.readString(pages.resolve("index.html"))).contains(published.trackingId() + ".html");
        assertThat(pages.resolve(published.trackingId() + ".html")).isRegularFile();
        assertThat(Files.readString(pages.resolve("feed.atom"))).contains(published.trackingId());
        assertThat(site.root().resolve("css").resolve("koban.css")).isRegularFile();
    }

    @Test
    void anAdminImportsANewSigningKeyAndEveryDocumentIsSignedAgainWithIt() throws Exception {
        AdvisoryView published = publish("Rotation " + Fixtures.unique("r"));
        OpenPGPApi api = new BcOpenPGPApi();
        var generated = api.generateKey(4)
                .ed25519x25519Key("Imported CSAF key <csaf@example.com>")
                .build("import me".toCharArray());
        String armored = generated.toAsciiArmoredString();
        String fingerprint = HexFormat.of().withUpperCase().formatHex(generated.getFingerprint());
        String admin = fixtures.token(fixtures.user(Role.ADMIN));
        String manager = fixtures.token(fixtures.user(Role.PSIRT_MANAGER));
        String body = JSON.writeValueAsString(Map.of("secretKey", armored, "passphrase", "import me"));
        String wrong = JSON.writeValueAsString(Map.of("secretKey", armored, "passphrase", "not it"));
        assertThat(put("/api/v1/signing-key", manager, body).getStatus()).isEqualTo(403);
        assertThat(put("/api/v1/signing-key", admin, wrong).getStatus()).isEqualTo(400);
        assertThat(put("/api/v1/signing-key", admin, JSON.writeValueAsString(Map.of("secretKey", "garbage")))
                        .getStatus())
                .isEqualTo(400);
        MockHttpServletResponse imported = put("/api/v1/signing-key", admin, body);
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(imported.getContentAsString())
                        .path("fingerprint")
                        .asString())
                .isEqualTo(fingerprint);
        assertThat(imported.getContentAsString()).doesNotContain("PRIVATE KEY");

        JsonNode metadata = JSON.readTree(text("/.well-known/csaf/provider-metadata.json"));
        assertThat(metadata.at("/public_openpgp_keys/0/fingerprint").asString()).isEqualTo(fingerprint);
        String year = String.valueOf(
                published.initialReleaseDate().atZone(java.time.ZoneOffset.UTC).getYear());
        String url = "/.well-known/csaf/white/" + year + "/" + published.csafFileName();
        byte[] document = fetch(url).getContentAsByteArray();
        var verified = api.verifyDetachedSignature()
                .addSignatures(new ByteArrayInputStream(text(url + ".asc").getBytes(StandardCharsets.US_ASCII)))
                .addVerificationCertificate(generated.toCertificate())
                .process(new ByteArrayInputStream(document));
        assertThat(verified)
                .isNotEmpty()
                .allSatisfy(sig -> assertThat(sig.isValid()).isTrue());
        // Stored re-encrypted with Koban's own passphrase, not the one it came with.
        String stored = jdbc.sql("select secret_key from signing_key where active")
                .query(String.class)
                .single();
        var storedKey = api.readKeyOrCertificate().parseKey(stored);
        assertThat(storedKey.getPrimarySecretKey().isLocked()).isTrue();
        assertThat(storedKey.getPrimarySecretKey().isPassphraseCorrect("import me".toCharArray()))
                .isFalse();
    }

    private MockHttpServletResponse put(String path, String token, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                        .header("Authorization", "Bearer " + token)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    /** A product name the advisory names, as the public pages read it. */
    static final class AdvisoryDocumentProducts {
        static String first(String csaf) {
            return org.koban.server.advisories.AdvisoryDocument.of(csaf)
                    .products()
                    .getFirst();
        }
    }

    static final class Crash extends RuntimeException {
        Crash(String step) {
            super("crash at " + step);
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(site.csafDirectory())) {
            return files.filter(p -> p.getFileName().toString().contains(".tmp-"))
                    .toList();
        }
    }

    private static Schema providerSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(
                        PROVIDER_SCHEMA,
                        resource("/standards/csaf/provider_json_schema.json"),
                        // The provider schema takes its publisher from the CSAF schema, which names the CVSS ones.
                        "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
                        resource("/org/koban/csaf/schema/csaf_json_schema.json"),
                        "https://www.first.org/cvss/cvss-v2.0.json",
                        resource("/org/koban/csaf/schema/cvss-v2.0.json"),
                        "https://www.first.org/cvss/cvss-v3.0.json",
                        resource("/org/koban/csaf/schema/cvss-v3.0.json"),
                        "https://www.first.org/cvss/cvss-v3.1.json",
                        resource("/org/koban/csaf/schema/cvss-v3.1.json"))));
        return registry.getSchema(SchemaLocation.of(PROVIDER_SCHEMA));
    }

    private static String resource(String name) {
        try (InputStream in = PublicSiteIntegrationTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("Missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
