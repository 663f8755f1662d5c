package org.koban.server.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.koban.csaf.CsafBuilder;
import org.koban.csaf.CsafJson;
import org.koban.csaf.CsafValidator;
import org.koban.server.distribution.PublicSite;
import org.koban.server.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Publishing at scale: 5,000 published advisories (generated as rows with valid CSAF documents, one to twelve
 * product versions each) written from scratch into an empty site, then one more added to that site — time, files
 * written, and the JVM's heap. Not a test: excluded from the default run by its tag; see docs/benchmarks.md.
 * Figures go to stdout and target/benchmarks/publication.txt.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"koban.distribution.site-dir=target/benchmarks/site", "koban.scheduling.enabled=false"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class PublicationBenchmark {

    static final int ADVISORIES = Integer.getInteger("koban.benchmark.advisories", 5_000);

    @Autowired
    PublicSite site;

    @Autowired
    JdbcClient jdbc;

    private final List<String> lines = new ArrayList<>();

    @Test
    void fiveThousandFromScratchThenOneMore() throws Exception {
        deleteTree(site.root());
        Instant start = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long generating = System.nanoTime();
        for (int i = 0; i < ADVISORIES; i++) insert(i, start.plus(i * 7L, ChronoUnit.MINUTES));
        line("generated %,d published advisories in %.1f s".formatted(ADVISORIES, seconds(generating)));

        long t0 = System.nanoTime();
        var scratch = site.sync();
        double fromScratch = seconds(t0);
        long documents = scratch.written().stream()
                .filter(p -> p.matches(".*/\\d{4}/[^/]+\\.json"))
                .count();
        line("from scratch: %.1f s, %,d files written (%,d documents), %.1f documents/s"
                .formatted(fromScratch, scratch.written().size(), documents, documents / fromScratch));

        long t1 = System.nanoTime();
        var again = site.sync();
        line("again, nothing new: %.2f s, %,d files written, %,d documents unchanged"
                .formatted(seconds(t1), again.written().size(), again.documentsUnchanged()));

        insert(ADVISORIES, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        long t2 = System.nanoTime();
        var one = site.sync();
        double addOne = seconds(t2);
        List<String> documentFiles =
                one.written().stream().filter(p -> p.matches(".*/\\d{4}/.*")).toList();
        line("adding one to %,d: %.2f s, %d files written:"
                .formatted(ADVISORIES, addOne, one.written().size()));
        for (String p : one.written()) line("  " + p);
        line("peak heap: %,d MiB".formatted(peakHeapMiB()));

        assertThat(documents).isEqualTo(ADVISORIES);
        assertThat(documentFiles).hasSize(4).allSatisfy(p -> assertThat(p).contains("bench-" + ADVISORIES + ".json"));
        assertThat(one.documentsUnchanged()).isEqualTo(ADVISORIES);
        Path out = Path.of("target/benchmarks/publication.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    /** A case and its published advisory with a valid CSAF document, straight into the tables. */
    private void insert(int n, Instant published) {
        UUID caseId = UUID.randomUUID();
        UUID advisoryId = UUID.randomUUID();
        String trackingId = "BENCH-" + n;
        jdbc.sql("insert into psirt_case (id, reference, title, state, opened_at, updated_at)"
                        + " values (:id, :ref, :title, 'CLOSED', :at, :at)")
                .param("id", caseId)
                .param("ref", "BENCH-C-" + n)
                .param("title", "Benchmark case " + n)
                .param("at", Timestamp.from(published))
                .update();
        String at = published.toString();
        CsafBuilder b = CsafBuilder.securityAdvisory("Benchmark advisory " + n)
                .publisher("vendor", "Example Manufacturer", "https://psirt.example.com")
                .tracking(trackingId, "final", "1", at)
                .revision("1", at, "Initial version")
                .tlp("WHITE")
                .note("summary", "Summary", "Generated for the publication benchmark, number " + n + ".");
        var vulnerability = CsafBuilder.vulnerability()
                .title("Weakness " + n)
                .cve("CVE-2026-" + (10_000 + n))
                .note("description", "What goes wrong in advisory " + n + ".");
        int products = 1 + n % 12;
        String[] affected = new String[products];
        for (int p = 0; p < products; p++) {
            affected[p] = b.products()
                    .version(
                            "Example Manufacturer",
                            "Family " + (n % 7),
                            "Product " + (n % 50),
                            "1." + p + "." + (n % 10),
                            "BENCH-" + n + "-" + p,
                            CsafBuilder.helper(
                                    null, "pkg:generic/example/product-" + (n % 50) + "@1." + p + "." + (n % 10)));
        }
        vulnerability.knownAffected(affected).cvssV3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", affected);
        b.vulnerability(vulnerability.build());
        String csaf = CsafJson.write(b.build());
        if (n % 1000 == 0)
            assertThat(CsafValidator.validate(csaf, CsafValidator.Options.STRICT)
                            .valid())
                    .isTrue();
        jdbc.sql("""
                        insert into advisory (id, case_id, tracking_id, state, title, summary, version, initial_release_date,
                            current_release_date, created_at, updated_at)
                        values (:id, :case, :tracking, 'PUBLISHED', :title, 'Summary', 1, :at, :at, :at, :at)
                        """)
                .param("id", advisoryId)
                .param("case", caseId)
                .param("tracking", trackingId)
                .param("title", "Benchmark advisory " + n)
                .param("at", Timestamp.from(published))
                .update();
        jdbc.sql(
                        "insert into advisory_revision (advisory_id, number, date, summary, csaf) values (:id, 1, :at, 'Initial version', :csaf)")
                .param("id", advisoryId)
                .param("at", Timestamp.from(published))
                .param("csaf", csaf)
                .update();
    }

    private void line(String text) {
        System.out.println("[publication] " + text);
        lines.add(text);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
