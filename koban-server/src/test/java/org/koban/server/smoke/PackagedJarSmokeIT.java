package org.koban.server.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar exactly as the README does, on the embedded default (no database configured),
 * and waits for {@code /actuator/health} to answer UP. Bounded in time; the process is always stopped.
 */
class PackagedJarSmokeIT {

    @TempDir
    Path dataDir;

    @Test
    void packagedJarStartsOnTheEmbeddedDefaultAndReportsHealthy() throws Exception {
        Path jar = Path.of(System.getProperty("koban.jar", "target/koban-server.jar"));
        assertThat(jar).exists();
        int port = freePort();
        Path log = dataDir.resolve("console.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        javaBin,
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--koban.data-dir=" + dataDir.resolve("data"),
                        "--koban.db.url=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            String body = null;
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        body = response.body();
                        break;
                    }
                } catch (IOException notYetListening) {
                    // the server is still starting
                }
                process.waitFor(Duration.ofMillis(500).toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThat(body)
                    .as("health answered; console:\n%s", Files.readString(log))
                    .contains("\"status\":\"UP\"");
            assertThat(dataDir.resolve("data/postgres"))
                    .as("the bundled PostgreSQL keeps its data in the data dir")
                    .isDirectory();
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
