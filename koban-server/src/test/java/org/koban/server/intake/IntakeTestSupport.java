package org.koban.server.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Counting what intake stored, and giving each request its own client address (the rate limit is per address). */
public final class IntakeTestSupport {

    private static final AtomicInteger ADDRESS = new AtomicInteger();
    public static final Path ATTACHMENTS = Path.of("target/test-data/attachments");

    private IntakeTestSupport() {}

    /** A fresh client address, so that no test shares another's rate-limit window. */
    public static RequestPostProcessor freshAddress() {
        return from(newAddress());
    }

    public static String newAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Reports, attachment rows and attachment files, to show that a refused submission stored nothing. */
    public record Stored(long reports, long attachments, long files) {}

    public static Stored stored(JdbcClient jdbc) {
        long files;
        if (Files.isDirectory(ATTACHMENTS)) {
            try (Stream<Path> list = Files.list(ATTACHMENTS)) {
                files = list.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            files = 0;
        }
        return new Stored(
                jdbc.sql("select count(*) from report").query(Long.class).single(),
                jdbc.sql("select count(*) from report_attachment")
                        .query(Long.class)
                        .single(),
                files);
    }
}
