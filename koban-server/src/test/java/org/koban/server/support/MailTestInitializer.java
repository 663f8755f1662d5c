package org.koban.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The settings of {@link MailIntegrationTest}'s context. */
public class MailTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String databaseUrl;

    private static synchronized String databaseUrl() {
        if (databaseUrl == null) databaseUrl = TestDatabase.get().freshDatabaseUrl();
        return databaseUrl;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        TestPropertyValues.of(
                        "koban.db.url=" + databaseUrl(),
                        "koban.db.user=" + db.user(),
                        "koban.db.password=" + db.password(),
                        "koban.data-dir=target/test-data",
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + TestMailServer.port(),
                        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
                        "spring.mail.properties.mail.smtp.timeout=5000",
                        "koban.mail.from=psirt@example.com",
                        "koban.mail.max-attempts=3",
                        "koban.mail.backoff=1m",
                        "koban.mail.max-backoff=10m",
                        "db-scheduler.enabled=false")
                .applyTo(context);
    }
}
