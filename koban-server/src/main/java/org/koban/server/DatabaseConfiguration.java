package org.koban.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where Koban keeps its data: an external PostgreSQL when {@code koban.db.url} (env {@code KOBAN_DB_URL}) is
 * set, otherwise a bundled PostgreSQL started here, whose files live in {@code <koban.data-dir>/postgres} and
 * survive restarts. Both are migrated by Flyway, which uses this DataSource.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String EMBEDDED_DATABASE = "koban";

    @Bean
    DataSource dataSource(
            @Value("${koban.db.url:}") String url,
            @Value("${koban.db.user:}") String user,
            @Value("${koban.db.password:}") String password,
            @Value("${koban.db.pool-size:10}") int poolSize,
            @Value("${koban.data-dir:./data}") String dataDir,
            EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("koban");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (!url.isBlank()) {
            log.info("Using the external PostgreSQL at {}", redact(url));
            config.setJdbcUrl(url);
            if (!user.isBlank()) config.setUsername(user);
            if (!password.isBlank()) config.setPassword(password);
        } else {
            embedded.start(Path.of(dataDir).resolve("postgres"));
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    @Bean
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The bundled PostgreSQL; started only when no external database is configured, stopped on shutdown. */
    static final class EmbeddedDatabase implements DisposableBean {
        private @Nullable EmbeddedPostgres postgres;

        synchronized void start(Path directory) {
            if (postgres != null) return;
            try {
                Files.createDirectories(directory);
                Path absolute = directory.toAbsolutePath().normalize();
                log.info("No koban.db.url set: starting the bundled PostgreSQL with its data in {}", absolute);
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(absolute)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                createDatabaseIfMissing(postgres.getPostgresDatabase());
            } catch (IOException | SQLException | RuntimeException e) {
                throw new IllegalStateException(
                        "Could not start the bundled PostgreSQL in " + directory
                                + ". Is another Koban using this data directory? Set koban.data-dir or KOBAN_DB_URL.",
                        e);
            }
        }

        String jdbcUrl() {
            if (postgres == null) throw new IllegalStateException("The bundled PostgreSQL is not started");
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EMBEDDED_DATABASE;
        }

        private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
            try (Connection c = admin.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + EMBEDDED_DATABASE + " encoding 'UTF8'");
                }
            }
        }

        @Override
        public synchronized void destroy() throws IOException {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        }
    }
}
