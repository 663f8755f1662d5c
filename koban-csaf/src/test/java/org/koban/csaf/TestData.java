package org.koban.csaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the copied OASIS data under {@code src/test/resources/csaf-2.0}. */
final class TestData {
    private TestData() {}

    static Path root() {
        try {
            return Path.of(TestData.class.getResource("/csaf-2.0/NOTICE.md").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path validatorData() {
        return root().resolve("test/validator/data");
    }

    static List<Path> csafExamples() {
        try (Stream<Path> files = Files.walk(root().resolve("examples/csaf"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
