package org.koban.csaf.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.koban.csaf.CsafValidator;
import org.koban.csaf.Finding;
import org.koban.csaf.ValidationResult;

/**
 * Validates the inputs on N threads and prints the results in input (= path) order. At most a few documents per
 * thread are in flight, so memory depends on the largest documents, not on how many there are.
 */
final class ValidateCommand {
    private final boolean jsonl;
    private final CsafValidator.Options options;
    private final int threads;

    ValidateCommand(boolean jsonl, boolean strict, int threads) {
        this.jsonl = jsonl;
        this.options = strict ? CsafValidator.Options.STRICT : CsafValidator.Options.DEFAULT;
        this.threads = threads;
    }

    int run(List<Main.Input> inputs, PrintStream out) {
        long start = System.nanoTime();
        int valid = 0;
        int window = threads * 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "csaf-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ValidationResult>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < inputs.size(); i++) {
                while (next < inputs.size() && inFlight.size() < window) {
                    Main.Input input = inputs.get(next++);
                    inFlight.add(pool.submit(() -> validate(input)));
                }
                ValidationResult result = await(inFlight.removeFirst());
                if (result.valid()) {
                    valid++;
                }
                print(inputs.get(i).name(), result, out);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!jsonl) {
            out.printf(
                    Locale.ROOT,
                    "files=%d valid=%d invalid=%d seconds=%.3f docs_per_sec=%.1f%n",
                    inputs.size(),
                    valid,
                    inputs.size() - valid,
                    seconds,
                    seconds > 0 ? inputs.size() / seconds : 0.0);
        }
        out.flush();
        return valid == inputs.size() ? 0 : 1;
    }

    private ValidationResult validate(Main.Input input) {
        byte[] bytes = Main.read(input.file());
        if (bytes == null) {
            return new ValidationResult(
                    false,
                    List.of(new Finding("json", Finding.Severity.ERROR, "", "The file cannot be read")),
                    List.of());
        }
        return CsafValidator.validate(bytes, options);
    }

    private static ValidationResult await(Future<ValidationResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // The validator reports malformed input as findings; anything else here is a bug worth surfacing.
            throw new IllegalStateException(e.getCause());
        }
    }

    private void print(String name, ValidationResult result, PrintStream out) {
        if (jsonl) {
            out.println("{\"file\": " + Main.json(name) + ", \"valid\": " + result.valid() + ", \"failedTests\": "
                    + list(result.failedTests()) + ", \"warnings\": " + list(result.warnings()) + ", \"infos\": "
                    + list(result.infos()) + "}");
            return;
        }
        out.println((result.valid() ? "VALID   " : "INVALID ") + name);
        for (Finding f : result.findings()) {
            out.println("  " + f);
        }
    }

    private static String list(List<String> ids) {
        return ids.stream().map(Main::json).collect(Collectors.joining(", ", "[", "]"));
    }
}
