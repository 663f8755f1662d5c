package org.koban.server.identity.internal;

import java.io.Serial;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.userdetails.User;

/**
 * A user as form login sees them. Authorities are empty on purpose: Koban's permission service, not
 * Spring Security's role checks, decides every access.
 */
class KobanUserDetails extends User {
    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;

    KobanUserDetails(UUID userId, String email, String passwordHash, boolean enabled, boolean nonLocked) {
        super(email, passwordHash, enabled, true, true, nonLocked, List.of());
        this.userId = userId;
    }

    UUID userId() {
        return userId;
    }
}
