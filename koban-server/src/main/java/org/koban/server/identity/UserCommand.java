package org.koban.server.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Role;

/**
 * What an admin sets on a user. {@code password} is required on creation and, when given on update,
 * replaces the user's password.
 */
public record UserCommand(
        @Nullable String email,
        @Nullable String displayName,
        @Nullable String password,
        Set<Role> roles,
        Set<UUID> lineIds,
        boolean enabled) {

    public UserCommand {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        lineIds = lineIds == null ? Set.of() : Set.copyOf(lineIds);
    }
}
