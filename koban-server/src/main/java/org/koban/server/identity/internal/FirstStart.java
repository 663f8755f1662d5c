package org.koban.server.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.koban.server.access.Role;
import org.koban.server.identity.UserView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no users yet) creates the admin: from {@code KOBAN_ADMIN_EMAIL} and
 * {@code KOBAN_ADMIN_PASSWORD} when set, otherwise with a random password printed once to the log. With
 * {@code KOBAN_BOOTSTRAP_TOKEN} it also creates an admin API token with that value, so automation can
 * start without the UI. Runs before the demo loader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@koban.local";

    private final JdbcUsers users;
    private final JdbcApiTokens tokens;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;

    FirstStart(JdbcUsers users, JdbcApiTokens tokens, IdentityProperties properties, TransactionTemplate tx) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            if (users.anyExists()) return;
            String email = properties.admin().email();
            String password = properties.admin().password();
            boolean generated = password == null || password.isBlank();
            if (email == null || email.isBlank()) email = DEFAULT_ADMIN_EMAIL;
            if (generated) password = randomPassword();
            UserView admin = users.createFirst(email, "Administrator", password, Set.of(Role.ADMIN));
            if (generated) {
                // Printed once, on purpose: there is no other way in on a fresh install without settings.
                log.warn(
                        "\n\n  First start: created the admin {} with the password  {}\n"
                                + "  Sign in and change it (Account > Password). It will not be shown again.\n",
                        admin.email(),
                        password);
            } else {
                log.info(
                        "First start: created the admin {} from KOBAN_ADMIN_EMAIL/KOBAN_ADMIN_PASSWORD", admin.email());
            }
            String token = properties.bootstrap().token();
            if (token != null && !token.isBlank()) {
                tokens.storeBootstrap(admin.id(), token.strip());
                log.info("First start: created an admin API token from KOBAN_BOOTSTRAP_TOKEN");
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
