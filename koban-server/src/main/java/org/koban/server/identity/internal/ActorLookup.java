package org.koban.server.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.identity.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Builds the {@link Actor} of a request from its authentication, once per request. */
@Component
class ActorLookup implements CurrentActor {

    static final String REQUEST_ATTRIBUTE = ActorLookup.class.getName() + ".actor";

    private final UserRecords users;

    ActorLookup(UserRecords users) {
        this.users = users;
    }

    @Override
    public Optional<Actor> get() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Actor actor) {
            return Optional.of(actor);
        }
        Optional<Actor> actor = resolve(SecurityContextHolder.getContext().getAuthentication());
        if (request != null) {
            actor.ifPresent(a -> request.setAttribute(REQUEST_ATTRIBUTE, a, RequestAttributes.SCOPE_REQUEST));
        }
        return actor;
    }

    Optional<Actor> resolve(HttpServletRequest request, Authentication authentication) {
        Optional<Actor> actor = resolve(authentication);
        actor.ifPresent(a -> request.setAttribute(REQUEST_ATTRIBUTE, a));
        return actor;
    }

    Optional<Actor> resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) return Optional.empty();
        Object principal = authentication.getPrincipal();
        UUID userId;
        Actor.Kind kind;
        if (principal instanceof KobanPrincipal p) {
            userId = p.userId();
            kind = p.kind();
        } else if (principal instanceof KobanUserDetails d) {
            userId = d.userId();
            kind = Actor.Kind.USER;
        } else if (principal instanceof UserDetails) {
            return Optional.empty();
        } else {
            return Optional.empty();
        }
        return users.find(userId)
                .filter(u -> u.enabled())
                .map(u -> new Actor(
                        u.id(),
                        u.displayName(),
                        kind,
                        u.roles(),
                        u.lineIds(),
                        u.partyId() == null ? java.util.Set.of() : java.util.Set.of(u.partyId())));
    }
}
