package org.koban.csaf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code java -jar koban-csaf.jar validate [--jsonl] [--strict] [--threads N] PATH...} and
 * {@code java -jar koban-csaf.jar bench [--strict] [--seconds S] DIR...}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0 all valid, 1 some invalid, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("validate") || args[0].equals("bench"))) {
            usage(err);
            return 2;
        }
        boolean jsonl = false;
        boolean strict = false;
        int threads = Runtime.getRuntime().availableProcessors();
        double seconds = 10;
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--jsonl" -> jsonl = true;
                case "--strict" -> strict = true;
                case "--threads", "--seconds" -> {
                    if (i + 1 >= args.length) {
                        usage(err);
                        return 2;
                    }
                    try {
                        if (args[i].equals("--threads")) {
                            threads = Integer.parseInt(args[++i]);
                        } else {
                            seconds = Double.parseDouble(args[++i]);
                        }
                    } catch (NumberFormatException e) {
                        usage(err);
                        return 2;
                    }
                    if (threads < 1 || seconds <= 0) {
                        usage(err);
                        return 2;
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("unknown option " + args[i]);
                        usage(err);
                        return 2;
                    }
                    paths.add(args[i]);
                }
            }
        }
        if (paths.isEmpty()) {
            usage(err);
            return 2;
        }
        List<Input> inputs;
        try {
            inputs = collect(paths);
        } catch (UncheckedIOException e) {
            err.println("cannot read: " + e.getCause().getMessage());
            return 2;
        }
        if (args[0].equals("bench")) {
            return Bench.run(inputs, strict, seconds, out);
        }
        return new ValidateCommand(jsonl, strict, threads).run(inputs, out);
    }

    private static void usage(PrintStream err) {
        err.println("usage: koban-csaf validate [--jsonl] [--strict] [--threads N] PATH...");
        err.println("       koban-csaf bench [--strict] [--seconds S] PATH...");
    }

    /** A file to validate and the name it is reported under. */
    record Input(Path file, String name) {}

    /**
     * Files and directories (recursively, {@code *.json}); a directory's files are named relative to it, a file as
     * given. Sorted by name, so the report order never depends on threads.
     */
    static List<Input> collect(List<String> paths) {
        List<Input> inputs = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                            .forEach(f ->
                                    inputs.add(new Input(f, path.relativize(f).toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                inputs.add(new Input(path, p));
            }
        }
        inputs.sort(Comparator.comparing(Input::name));
        return inputs;
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }
}
