package org.koban.server.identity.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in and first-start settings ({@code koban.security.*}, {@code koban.admin.*},
 * {@code koban.bootstrap.*}); each is documented with its default in docs/configuration.md.
 */
@ConfigurationProperties(prefix = "koban")
public record IdentityProperties(Security security, Admin admin, Bootstrap bootstrap) {

    public IdentityProperties {
        security = security == null ? new Security(5, Duration.ofMinutes(15), 30, Duration.ofMinutes(15)) : security;
        admin = admin == null ? new Admin(null, null) : admin;
        bootstrap = bootstrap == null ? new Bootstrap(null) : bootstrap;
    }

    /**
     * @param maxFailedLogins consecutive failures after which an account is locked
     * @param lockout how long such a lock lasts
     * @param maxFailedLoginsPerAddress failures from one client address after which it is refused
     * @param addressWindow the window over which an address's failures are counted, and its refusal lasts
     */
    public record Security(
            int maxFailedLogins, Duration lockout, int maxFailedLoginsPerAddress, Duration addressWindow) {}

    public record Admin(@Nullable String email, @Nullable String password) {}

    public record Bootstrap(@Nullable String token) {}
}
