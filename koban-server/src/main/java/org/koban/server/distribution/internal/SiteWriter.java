package org.koban.server.distribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.PublishedAdvisory;
import org.koban.server.distribution.PublicSite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the CSAF provider directory under {@code <site>/.well-known/csaf/}:
 *
 * <pre>
 * provider-metadata.json                      requirement 7 (last, once everything it names is there)
 * openpgp/&lt;FINGERPRINT&gt;.asc                   requirement 20
 * white/&lt;year&gt;/&lt;tracking id&gt;.json            requirements 1, 2, 11 (+ .sha256, .sha512, .asc: 18, 19)
 * white/index.txt, white/changes.csv          requirements 12, 13
 * white/csaf-feed-tlp-white.json              requirement 15 (one ROLIE feed per TLP label)
 * </pre>
 *
 * Each file is written to a hidden temporary file beside its target, forced to disk and moved into place
 * atomically. A document whose SHA-512 file already matches is left alone, so adding one advisory writes that
 * advisory's files and then the listings, never the other documents.
 */
@Component
class SiteWriter implements PublicSite {

    /** Called between steps; tests use it to stop a sync midway, as a crash would. */
    interface Checkpoint {
        void reached(String step);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEMP_MARK = ".tmp-";

    private final Advisories advisories;
    private final PublicPages publicPages;
    private final SigningKeys keys;
    private final Clock clock;
    private final Path root;
    private final String publicUrl;
    private final String publisherName;
    private final String publisherNamespace;
    private volatile Checkpoint checkpoint = step -> {};

    SiteWriter(
            Advisories advisories,
            PublicPages publicPages,
            SigningKeys keys,
            Clock clock,
            DistributionProperties properties,
            @Value("${koban.data-dir}") String dataDir,
            org.koban.server.shared.PublicUrl publicUrl,
            @Value("${koban.advisories.publisher-name:Example Manufacturer}") String publisherName,
            @Value("${koban.advisories.publisher-namespace:}") String publisherNamespace) {
        this.advisories = advisories;
        this.publicPages = publicPages;
        this.keys = keys;
        this.clock = clock;
        this.root = properties.siteDir() == null || properties.siteDir().isBlank()
                ? Path.of(dataDir).toAbsolutePath().normalize().resolve("site")
                : Path.of(properties.siteDir()).toAbsolutePath().normalize();
        this.publicUrl = publicUrl.base();
        this.publisherName = publisherName;
        this.publisherNamespace = publisherNamespace.isBlank() ? this.publicUrl : publisherNamespace.strip();
    }

    @Override
    public Path root() {
        return root;
    }

    void checkpoint(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    Path csafDirectory() {
        return root.resolve(".well-known").resolve("csaf");
    }

    @Override
    public synchronized SyncReport sync() {
        Path csaf = csafDirectory();
        List<String> written = new ArrayList<>();
        int unchanged = 0;
        try {
            Files.createDirectories(csaf);
            removeLeftovers(csaf);
            SigningKeys.SigningKey key = keys.active();
            List<PublishedAdvisory> published = advisories.published();
            // After a key rotation every document is signed again: the marker names the key of the signatures.
            Path marker = csaf.resolve("openpgp").resolve(".signed-with");
            boolean resign = !Files.isRegularFile(marker)
                    || !Files.readString(marker, StandardCharsets.US_ASCII)
                            .strip()
                            .equals(key.fingerprint());
            // 1. The documents, each with its hashes and signature; those already in place stay untouched.
            for (PublishedAdvisory advisory : published) {
                String relative = advisory.path();
                Path file = csaf.resolve(relative);
                byte[] content = advisory.csaf().getBytes(StandardCharsets.UTF_8);
                String sha512 = hex("SHA-512", content);
                if (inPlace(file, sha512)) {
                    if (resign)
                        write(sibling(file, ".asc"), keys.sign(content).getBytes(StandardCharsets.US_ASCII), written);
                    unchanged++;
                    continue;
                }
                Files.createDirectories(file.getParent());
                write(file, content, written);
                checkpoint.reached("document " + relative);
                write(sibling(file, ".sha256"), hashLine(hex("SHA-256", content), advisory), written);
                write(sibling(file, ".asc"), keys.sign(content).getBytes(StandardCharsets.US_ASCII), written);
                // The SHA-512 file last: it is what marks the document as complete for the next sync.
                write(sibling(file, ".sha512"), hashLine(sha512, advisory), written);
                checkpoint.reached("document files " + relative);
            }
            // 2. The public key, then the listings and feeds that name the documents.
            Path keyFile = csaf.resolve("openpgp").resolve(key.fingerprint() + ".asc");
            Files.createDirectories(keyFile.getParent());
            writeIfChanged(keyFile, key.publicKey().getBytes(StandardCharsets.US_ASCII), written);
            if (resign) write(marker, key.fingerprint().getBytes(StandardCharsets.US_ASCII), written);
            Map<String, List<PublishedAdvisory>> byTlp = new TreeMap<>();
            for (PublishedAdvisory advisory : published)
                byTlp.computeIfAbsent(tlp(advisory), t -> new ArrayList<>()).add(advisory);
            byTlp.putIfAbsent("white", List.of());
            for (var entry : byTlp.entrySet()) {
                Path directory = csaf.resolve(entry.getKey());
                Files.createDirectories(directory);
                write(directory.resolve("index.txt"), indexTxt(entry.getValue()), written);
                checkpoint.reached("index " + entry.getKey());
                write(directory.resolve("changes.csv"), changesCsv(entry.getValue()), written);
                write(directory.resolve(feedName(entry.getKey())), feed(entry.getKey(), entry.getValue()), written);
                checkpoint.reached("feed " + entry.getKey());
            }
            // 3. The provider metadata, which points at all of the above.
            write(csaf.resolve("provider-metadata.json"), providerMetadata(byTlp.keySet(), key), written);
            checkpoint.reached("provider metadata");
            // 4. The pages for people: each advisory's page when it changed, then the index and the Atom feed.
            Path pages = root.resolve("security").resolve("advisories");
            Files.createDirectories(pages);
            List<PublicPages.Listed> listed = publicPages.all();
            for (PublicPages.Listed advisory : listed) {
                writeIfChanged(
                        pages.resolve(advisory.trackingId() + ".html"),
                        publicPages.renderAdvisoryForTree(advisory).getBytes(StandardCharsets.UTF_8),
                        written);
            }
            write(
                    pages.resolve("index.html"),
                    publicPages.renderIndexForTree(listed).getBytes(StandardCharsets.UTF_8),
                    written);
            write(
                    pages.resolve("feed.atom"),
                    publicPages.atom(listed, publicPages.pageBase(), ".html").getBytes(StandardCharsets.UTF_8),
                    written);
            Path css = root.resolve("css").resolve("koban.css");
            Files.createDirectories(css.getParent());
            try (var in = SiteWriter.class.getResourceAsStream("/static/css/koban.css")) {
                if (in != null) writeIfChanged(css, in.readAllBytes(), written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the public site failed", e);
        }
        return new SyncReport(
                written.stream()
                        .map(p -> root.relativize(Path.of(p)).toString())
                        .toList(),
                unchanged);
    }

    private boolean inPlace(Path file, String sha512) throws IOException {
        Path hash = sibling(file, ".sha512");
        return Files.isRegularFile(file)
                && Files.isRegularFile(sibling(file, ".sha256"))
                && Files.isRegularFile(sibling(file, ".asc"))
                && Files.isRegularFile(hash)
                && Files.readString(hash, StandardCharsets.US_ASCII).startsWith(sha512 + " ")
                && hex("SHA-512", Files.readAllBytes(file)).equals(sha512);
    }

    private byte[] indexTxt(List<PublishedAdvisory> documents) {
        StringBuilder text = new StringBuilder();
        for (PublishedAdvisory a : documents)
            text.append(a.year()).append('/').append(a.fileName()).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Requirement 13: file name and current release date, latest first, no heading. */
    private byte[] changesCsv(List<PublishedAdvisory> documents) {
        StringBuilder text = new StringBuilder();
        documents.stream()
                .sorted(Comparator.comparing(PublishedAdvisory::currentReleaseDate)
                        .reversed()
                        .thenComparing(PublishedAdvisory::fileName))
                .forEach(a -> text.append('"')
                        .append(a.year())
                        .append('/')
                        .append(a.fileName())
                        .append("\",\"")
                        .append(iso(a.currentReleaseDate()))
                        .append("\"\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Requirement 15: a ROLIE feed (RFC 8322, JSON) of every document with this TLP label. */
    private byte[] feed(String tlp, List<PublishedAdvisory> documents) {
        String base = publicUrl + "/.well-known/csaf/" + tlp;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode feed = root.putObject("feed");
        feed.put("id", slug(publisherName) + "-csaf-feed-tlp-" + tlp);
        feed.put("title", publisherName + " CSAF feed (TLP:" + tlp.toUpperCase(Locale.ROOT) + ")");
        feed.putArray("link").addObject().put("rel", "self").put("href", base + "/" + feedName(tlp));
        feed.putArray("category")
                .addObject()
                .put("scheme", "urn:ietf:params:rolie:category:information-type")
                .put("term", "csaf");
        feed.put(
                "updated",
                iso(documents.stream()
                        .map(PublishedAdvisory::currentReleaseDate)
                        .max(Comparator.naturalOrder())
                        .orElse(clock.instant())));
        ArrayNode entries = feed.putArray("entry");
        for (PublishedAdvisory a : documents) {
            String url = base + "/" + a.year() + "/" + a.fileName();
            ObjectNode entry = entries.addObject();
            entry.put("id", a.trackingId());
            entry.put("title", a.title());
            ArrayNode links = entry.putArray("link");
            links.addObject().put("rel", "self").put("href", url);
            links.addObject().put("rel", "hash").put("href", url + ".sha256");
            links.addObject().put("rel", "hash").put("href", url + ".sha512");
            links.addObject().put("rel", "signature").put("href", url + ".asc");
            entry.put("published", iso(a.initialReleaseDate()));
            entry.put("updated", iso(a.currentReleaseDate()));
            entry.putObject("summary").put("content", a.title());
            entry.putObject("content").put("type", "application/json").put("src", url);
            entry.putObject("format")
                    .put("schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
                    .put("version", "2.0");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** Requirement 7, valid against the provider metadata schema. */
    private byte[] providerMetadata(java.util.Set<String> tlps, SigningKeys.SigningKey key) {
        String base = publicUrl + "/.well-known/csaf";
        ObjectNode root = JSON.createObjectNode();
        root.put("canonical_url", base + "/provider-metadata.json");
        ArrayNode distributions = root.putArray("distributions");
        for (String tlp : tlps) {
            ObjectNode distribution = distributions.addObject();
            distribution.put("directory_url", base + "/" + tlp + "/");
            distribution
                    .putObject("rolie")
                    .putArray("feeds")
                    .addObject()
                    .put("summary", "All TLP:" + tlp.toUpperCase(Locale.ROOT) + " advisories of " + publisherName + ".")
                    .put("tlp_label", tlp.toUpperCase(Locale.ROOT))
                    .put("url", base + "/" + tlp + "/" + feedName(tlp));
        }
        root.put("last_updated", iso(clock.instant()));
        root.put("list_on_CSAF_aggregators", true);
        root.put("metadata_version", "2.0");
        root.put("mirror_on_CSAF_aggregators", true);
        root.putArray("public_openpgp_keys")
                .addObject()
                .put("fingerprint", key.fingerprint())
                .put("url", base + "/openpgp/" + key.fingerprint() + ".asc");
        root.putObject("publisher")
                .put("category", "vendor")
                .put("name", publisherName)
                .put("namespace", publisherNamespace);
        root.put("role", "csaf_trusted_provider");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static String feedName(String tlp) {
        return "csaf-feed-tlp-" + tlp + ".json";
    }

    private static String tlp(PublishedAdvisory advisory) {
        return advisory.tlp().toLowerCase(Locale.ROOT);
    }

    private static byte[] hashLine(String hex, PublishedAdvisory advisory) {
        return (hex + "  " + advisory.fileName() + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static Path sibling(Path file, String extension) {
        return file.resolveSibling(file.getFileName() + extension);
    }

    private void writeIfChanged(Path target, byte[] content, List<String> written) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) return;
        write(target, content, written);
    }

    /** Written aside, forced to disk, then moved into place in one step: readers see the old or the new file. */
    private void write(Path target, byte[] content, List<String> written) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + TEMP_MARK + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("The site directory must allow atomic moves (one file system)", e);
        }
        written.add(target.toString());
    }

    /** Temporary files of an interrupted sync: never read by anyone, removed by the next one. */
    private static void removeLeftovers(Path csaf) throws IOException {
        try (Stream<Path> files = Files.walk(csaf)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().contains(TEMP_MARK))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String slug(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "koban" : slug;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
