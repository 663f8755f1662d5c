package org.koban.server.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Whoever is acting: a signed-in user, a caller with that user's API token, or Koban itself (start-up,
 * demo, scheduled jobs). Carries what the permission service needs and nothing else.
 */
public record Actor(UUID id, String name, Kind kind, Set<Role> roles, Set<UUID> lineIds, Set<UUID> partyIds) {

    public enum Kind {
        USER,
        API_TOKEN,
        SYSTEM
    }

    /** The fixed id under which Koban's own actions are recorded in the audit log. */
    public static final UUID SYSTEM_ID = new UUID(0, 0);

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        lineIds = Set.copyOf(lineIds);
        partyIds = Set.copyOf(partyIds);
    }

    /** Someone inside the organisation: no party membership. */
    public Actor(UUID id, String name, Kind kind, Set<Role> roles, Set<UUID> lineIds) {
        this(id, name, kind, roles, lineIds, Set.of());
    }

    /** Koban itself, for bootstrap and demo data: acts as an admin. */
    public static Actor system() {
        return new Actor(SYSTEM_ID, "Koban", Kind.SYSTEM, Set.of(Role.ADMIN), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(UUID lineId) {
        return lineIds.contains(lineId);
    }

    public boolean belongsToParty(UUID partyId) {
        return partyIds.contains(partyId);
    }
}
