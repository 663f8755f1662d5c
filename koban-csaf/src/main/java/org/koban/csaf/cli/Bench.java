package org.koban.csaf.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.koban.csaf.CsafJson;
import org.koban.csaf.CsafValidator;

/**
 * Steady-state throughput: the files are read into memory once, validated until the JIT has warmed up, then
 * validated repeatedly for a fixed time on one thread and on all cores. Reports documents per second and the
 * JVM's peak heap use. File reading and JVM start-up are left out, as for the reference measurement.
 */
final class Bench {
    private Bench() {}

    static int run(List<Main.Input> inputs, boolean strict, double seconds, PrintStream out) {
        CsafValidator.Options options = strict ? CsafValidator.Options.STRICT : CsafValidator.Options.DEFAULT;
        List<byte[]> docs = new ArrayList<>();
        long bytes = 0;
        for (Main.Input input : inputs) {
            byte[] b = Main.read(input.file());
            if (b != null) {
                docs.add(b);
                bytes += b.length;
            }
        }
        if (docs.isEmpty()) {
            out.println("no documents");
            return 2;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "documents=%d bytes=%d cores=%d%n", docs.size(), bytes, cores);
        CsafValidator.Options mandatory = new CsafValidator.Options(strict, true);
        // Warm-up, not reported: both modes, long enough for the JIT to finish compiling the hot paths; measuring
        // a mode right after a short warm-up understated it by up to 4 times. Counted in CPU time, not wall time:
        // on a loaded machine a wall-clock warm-up gives the JIT only a fraction of the work it needs.
        warmUp(docs, options, Math.max(3, seconds));
        warmUp(docs, mandatory, Math.max(3, seconds / 2));
        for (CsafValidator.Options o : List.of(options, mandatory)) {
            String tests = o.mandatoryOnly() ? "schema+mandatory" : "all";
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            double single = measure(docs, o, 1, seconds);
            // docs per CPU-second (all JVM threads, GC and JIT included): less distorted by other processes'
            // load than wall-clock time on a shared machine.
            double perCpu = single * ((System.nanoTime() - wall0) / 1e9) / ((processCpuNanos() - cpu0) / 1e9);
            out.printf(
                    Locale.ROOT, "tests=%s threads=1 docs_per_sec=%.1f docs_per_cpu_sec=%.1f%n", tests, single, perCpu);
            double all = measure(docs, o, cores, seconds);
            out.printf(
                    Locale.ROOT,
                    "tests=%s threads=%d docs_per_sec=%.1f scaling=%.2f%n",
                    tests,
                    cores,
                    all,
                    all / single);
        }
        // Calibration: parsing alone, with Jackson and with the validator's own reader (the floor under it).
        double parse = measureParse(docs, seconds, d -> !CsafJson.readTree(d).isMissingNode());
        out.printf(Locale.ROOT, "tests=parse-only parser=jackson threads=1 docs_per_sec=%.1f%n", parse);
        double reader = measureParse(docs, seconds, CsafValidator::isJson);
        out.printf(Locale.ROOT, "tests=parse-only parser=koban threads=1 docs_per_sec=%.1f%n", reader);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf(Locale.ROOT, "peak_heap_mb=%.1f%n", peak / (1024.0 * 1024.0));
        return 0;
    }

    /**
     * Validates round-robin until this thread has used {@code cpuSeconds} of CPU time. This thread's, not the
     * process's: the JIT's compiler threads burn CPU time too, and a warm-up counted with theirs ended while they
     * were still compiling (the first measured phase then showed more CPU time than wall time).
     */
    private static void warmUp(List<byte[]> docs, CsafValidator.Options options, double cpuSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        long wall0 = System.nanoTime();
        // Falls back to wall time where the JVM cannot report a thread's CPU time.
        while (cpuTime
                ? threads.getCurrentThreadCpuTime() - cpu0 < cpuSeconds * 1e9
                : System.nanoTime() - wall0 < cpuSeconds * 1e9) {
            validateUntil(docs, options, 0, System.nanoTime() + 100_000_000L);
        }
    }

    /**
     * Validates round-robin, from document {@code offset} on, until {@code deadline} ({@link System#nanoTime});
     * returns how many. The warm-up and the measurement share this loop, so the loop that is measured is the one the
     * warm-up compiled; and threads count into the shared total once at the end, not through an atomic per document.
     */
    private static long validateUntil(List<byte[]> docs, CsafValidator.Options options, int offset, long deadline) {
        long count = 0;
        int i = offset % docs.size();
        while (System.nanoTime() < deadline) {
            CsafValidator.validate(docs.get(i), options);
            count++;
            i = (i + 1) % docs.size();
        }
        return count;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double measureParse(List<byte[]> docs, double seconds, Predicate<byte[]> parser) {
        long done = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int i = 0;
        while (System.nanoTime() < deadline) {
            if (!parser.test(docs.get(i))) {
                throw new IllegalStateException("not JSON");
            }
            done++;
            i = (i + 1) % docs.size();
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Documents per second over whole passes of the corpus, split across threads, for about {@code seconds}. */
    private static double measure(List<byte[]> docs, CsafValidator.Options options, int threads, double seconds) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> done.addAndGet(validateUntil(docs, options, offset, deadline))));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            return done.get() / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
