package org.koban.server.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Role;

/** A user as others see them; never carries the password hash. */
public record UserView(
        UUID id,
        String email,
        String displayName,
        Set<Role> roles,
        Set<UUID> lineIds,
        boolean enabled,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable Instant lastLoginAt,
        @Nullable UUID partyId,
        @Nullable String timeZone) {

    /** The zone in which this user reads dates and times: their choice, else UTC. */
    public java.time.ZoneId zone() {
        return timeZone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timeZone);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
