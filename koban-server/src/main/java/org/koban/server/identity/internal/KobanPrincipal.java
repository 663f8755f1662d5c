package org.koban.server.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.koban.server.access.Actor;

/**
 * What a session or a token authentication remembers: only who it is and how they signed in. Roles and
 * lines are read on each request ({@link ActorLookup}), so the session never holds stale rights.
 */
record KobanPrincipal(UUID userId, String email, Actor.Kind kind) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return email;
    }
}
