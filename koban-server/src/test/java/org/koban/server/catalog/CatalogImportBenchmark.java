package org.koban.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports 10,000 product versions (1,000 products x 10 versions, 20 families, 6 production lines) into the
 * fresh test database and reports the time and the JVM's peak memory. Not a test: excluded from the default
 * run by its tag; see docs/benchmarks.md. Figures go to stdout and target/benchmarks/catalog-import.txt.
 */
@Tag("benchmark")
@KobanIntegrationTest
class CatalogImportBenchmark {

    static final int PRODUCTS = 1_000;
    static final int VERSIONS_PER_PRODUCT = 10;
    static final int LINES = 6;
    static final int FAMILIES = 20;

    @Autowired
    CatalogTransfer transfer;

    @Autowired
    Fixtures fixtures;

    @Test
    void importsTenThousandVersions() throws IOException {
        var lines = new ArrayList<ProductionLineView>();
        for (int i = 0; i < LINES; i++) lines.add(fixtures.line());
        Actor admin = Actor.system();
        var report = new StringBuilder();
        report.append("Koban catalogue import benchmark\n");
        report.append("data: ")
                .append(PRODUCTS)
                .append(" products x ")
                .append(VERSIONS_PER_PRODUCT)
                .append(" versions = ")
                .append(PRODUCTS * VERSIONS_PER_PRODUCT)
                .append(" product versions, ")
                .append(FAMILIES)
                .append(" families, ")
                .append(LINES)
                .append(" lines\n");
        report.append("jvm: ")
                .append(Runtime.version())
                .append(", max heap ")
                .append(mb(Runtime.getRuntime().maxMemory()))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs\n");

        for (CatalogTransfer.Format format : CatalogTransfer.Format.values()) {
            String prefix = "B" + format.name().charAt(0) + Fixtures.unique("").replace("-", "");
            byte[] file = format == CatalogTransfer.Format.JSON ? json(prefix, lines) : csv(prefix, lines);
            Path target =
                    Path.of("target/benchmarks/catalog-10000." + format.name().toLowerCase(Locale.ROOT));
            Files.createDirectories(target.getParent());
            Files.write(target, file);

            Measured<ImportResult> first =
                    measure(() -> transfer.importDocument(admin, new ByteArrayInputStream(file), format, false));
            assertThat(first.value().versionsCreated()).isEqualTo(PRODUCTS * VERSIONS_PER_PRODUCT);
            Measured<ImportResult> again =
                    measure(() -> transfer.importDocument(admin, new ByteArrayInputStream(file), format, false));
            assertThat(again.value().versionsCreated()).isZero();
            Measured<Integer> export = measure(() -> {
                var out = new ByteArrayOutputStream();
                transfer.export(admin, format, out);
                return out.size();
            });
            report.append(String.format(
                    Locale.ROOT,
                    "%s (%s file): first import %d ms, peak heap %s (live before %s); re-import (all unchanged) %d ms,"
                            + " peak heap %s;"
                            + " export of the whole catalogue (%s) %d ms%n",
                    format,
                    mb(file.length),
                    first.millis(),
                    mb(first.peakHeap()),
                    mb(first.heapBefore()),
                    again.millis(),
                    mb(again.peakHeap()),
                    mb(export.value()),
                    export.millis()));
        }
        report.append("process peak RSS (VmHWM, whole test JVM incl. Spring): ")
                .append(peakRss())
                .append('\n');
        System.out.print(report);
        Path out = Path.of("target/benchmarks/catalog-import.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    record Measured<T>(T value, long millis, long peakHeap, long heapBefore) {}

    interface Action<T> {
        T run() throws IOException;
    }

    /**
     * Time and peak heap of one action. The peak is the sum of each heap pool's peak since the reset, an upper
     * bound of the heap in use at any one moment (the pools need not peak together); a GC first makes the
     * starting point the live data.
     */
    static <T> Measured<T> measure(Action<T> action) throws IOException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long start = System.nanoTime();
        T value = action.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured<>(value, millis, peak, before);
    }

    static byte[] json(String prefix, List<ProductionLineView> lines) {
        var s = new StringBuilder(4 * 1024 * 1024);
        s.append("{\"format\": \"koban-catalog\", \"formatVersion\": 1, \"families\": [");
        for (int f = 0; f < FAMILIES; f++) {
            if (f > 0) s.append(',');
            s.append("{\"code\": \"")
                    .append(prefix)
                    .append("-F")
                    .append(f)
                    .append("\", \"name\": \"Series ")
                    .append(f)
                    .append("\", \"description\": \"Generated\"}");
        }
        s.append("], \"products\": [");
        for (int p = 0; p < PRODUCTS; p++) {
            if (p > 0) s.append(',');
            String code = prefix + "-P" + p;
            s.append("{\"code\": \"")
                    .append(code)
                    .append("\", \"name\": \"Generated product ")
                    .append(p)
                    .append("\", \"line\": \"")
                    .append(lines.get(p % lines.size()).code())
                    .append("\", \"family\": \"")
                    .append(prefix)
                    .append("-F")
                    .append(p % FAMILIES)
                    .append("\", \"description\": \"\", \"versions\": [");
            for (int v = 0; v < VERSIONS_PER_PRODUCT; v++) {
                if (v > 0) s.append(',');
                Version version = version(code, v);
                s.append("{\"version\": \"")
                        .append(version.version)
                        .append("\", \"lifecycle\": \"")
                        .append(version.lifecycle)
                        .append('"');
                if (version.release != null)
                    s.append(", \"releaseDate\": \"").append(version.release).append('"');
                if (version.end != null)
                    s.append(", \"endOfSupportDate\": \"").append(version.end).append('"');
                s.append(", \"cpe\": \"")
                        .append(version.cpe)
                        .append("\", \"purl\": \"")
                        .append(version.purl)
                        .append("\", \"modelNumbers\": [\"")
                        .append(code)
                        .append("-EU\", \"")
                        .append(code)
                        .append("-US\"]}");
            }
            s.append("]}");
        }
        s.append("]}");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(String prefix, List<ProductionLineView> lines) {
        var s = new StringBuilder(4 * 1024 * 1024);
        s.append("product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n");
        for (int p = 0; p < PRODUCTS; p++) {
            String code = prefix + "-P" + p;
            for (int v = 0; v < VERSIONS_PER_PRODUCT; v++) {
                Version version = version(code, v);
                s.append(code)
                        .append(",Generated product ")
                        .append(p)
                        .append(',')
                        .append(lines.get(p % lines.size()).code())
                        .append(',')
                        .append(prefix)
                        .append("-F")
                        .append(p % FAMILIES)
                        .append(",,")
                        .append(version.version)
                        .append(',')
                        .append(version.release == null ? "" : version.release)
                        .append(',')
                        .append(version.lifecycle)
                        .append(',')
                        .append(version.end == null ? "" : version.end)
                        .append(',')
                        .append(version.cpe)
                        .append(',')
                        .append(version.purl)
                        .append(',')
                        .append(code)
                        .append("-EU;")
                        .append(code)
                        .append("-US\n");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    record Version(String version, String lifecycle, String release, String end, String cpe, String purl) {}

    /** Oldest versions are at end of support, the newest in development, the rest on the market. */
    static Version version(String code, int v) {
        String version = (1 + v / 4) + "." + (v % 4) + ".0";
        String name = code.toLowerCase(Locale.ROOT);
        String lifecycle = v < 3 ? "END_OF_SUPPORT" : v == VERSIONS_PER_PRODUCT - 1 ? "IN_DEVELOPMENT" : "ON_MARKET";
        String release = lifecycle.equals("IN_DEVELOPMENT") ? null : String.format("%d-%02d-01", 2018 + v / 2, 1 + v);
        String end = lifecycle.equals("END_OF_SUPPORT") ? String.format("%d-12-31", 2022 + v) : null;
        return new Version(
                version,
                lifecycle,
                release,
                end,
                "cpe:2.3:h:example:" + name + ":" + version + ":*:*:*:*:*:*:*",
                "pkg:generic/example/" + name + "@" + version);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring("VmHWM:".length()).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown (no /proc/self/status)";
        }
    }
}
