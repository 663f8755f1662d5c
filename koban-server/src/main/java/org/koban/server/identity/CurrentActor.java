package org.koban.server.identity;

import java.util.Optional;
import org.koban.server.access.Actor;

/**
 * The actor of the current request, loaded afresh from the database on each request, so that a change
 * of roles, lines or a disabled account takes effect at once, even for open sessions.
 */
public interface CurrentActor {

    Optional<Actor> get();

    default Actor require() {
        return get().orElseThrow(() ->
                new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                        "Not signed in"));
    }
}
