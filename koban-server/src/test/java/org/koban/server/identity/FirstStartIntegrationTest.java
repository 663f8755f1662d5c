package org.koban.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.koban.server.KobanApplication;
import org.koban.server.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start on an empty database, each in a database of its own, as an operator would do it. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIntegrationTest {

    private static ConfigurableApplicationContext start(String databaseUrl, String... extra) {
        var db = TestDatabase.get();
        List<String> properties = new ArrayList<>(List.of(
                "koban.db.url=" + databaseUrl,
                "koban.db.user=" + db.user(),
                "koban.db.password=" + db.password(),
                "koban.data-dir=target/test-data",
                "server.port=0"));
        properties.addAll(List.of(extra));
        // As command-line arguments, the way an operator overrides application.yml.
        return new SpringApplicationBuilder(KobanApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static String passwordHash(ConfigurableApplicationContext context, String email) {
        return context.getBean(JdbcClient.class)
                .sql("select password_hash from app_user where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    @Test
    void createsTheConfiguredAdminAndBootstrapToken() throws Exception {
        String token = "bootstrap-token-for-automation-0123456789";
        try (var context = start(
                TestDatabase.get().freshDatabaseUrl(),
                "koban.admin.email=psirt-admin@example.com",
                "koban.admin.password=a long admin passphrase",
                "koban.bootstrap.token=" + token)) {
            assertThat(context.getBean(PasswordEncoder.class)
                            .matches("a long admin passphrase", passwordHash(context, "psirt-admin@example.com")))
                    .isTrue();
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> me = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("psirt-admin@example.com").contains("ADMIN");
        }
    }

    @Test
    void printsARandomAdminPasswordOnceWhenNoneIsConfigured(CapturedOutput output) {
        String database = TestDatabase.get().freshDatabaseUrl();
        String password;
        try (var context = start(database)) {
            Matcher printed = Pattern.compile("created the admin admin@koban.local with the password  (\\S+)")
                    .matcher(output.getOut());
            assertThat(printed.find()).as("the password is printed to the log").isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(context.getBean(PasswordEncoder.class)
                            .matches(password, passwordHash(context, "admin@koban.local")))
                    .isTrue();
        }
        int printedBefore = countOccurrences(output.getOut(), password);
        try (var restarted = start(database)) {
            assertThat(restarted
                            .getBean(JdbcClient.class)
                            .sql("select count(*) from app_user")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(countOccurrences(output.getOut(), password))
                .as("a restart neither creates another admin nor prints the password again")
                .isEqualTo(printedBefore);
    }

    @Test
    void refusesToStartWithAShortBootstrapToken() {
        assertThatThrownBy(() -> start(TestDatabase.get().freshDatabaseUrl(), "koban.bootstrap.token=too-short"))
                .hasStackTraceContaining("KOBAN_BOOTSTRAP_TOKEN must be at least 32 characters");
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) count++;
        return count;
    }
}
