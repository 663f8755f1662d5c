package org.koban.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's Spring context at the {@link TestDatabase}, as KOBAN_DB_URL would in production. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        TestPropertyValues.of(
                        "koban.db.url=" + db.jdbcUrl(),
                        "koban.db.user=" + db.user(),
                        "koban.db.password=" + db.password(),
                        "koban.data-dir=target/test-data")
                .applyTo(context);
    }
}
