package org.koban.server.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditLog;
import org.koban.server.shared.AddressRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing two ways: an account is locked for a while after too many consecutive
 * failures (in the database, so every node agrees), and a client address that fails too often within a
 * window is refused for that window (kept per node, in memory; it only ever refuses sign-in attempts).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserRecords users;
    private final IdentityProperties.Security settings;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AddressRateLimiter failuresByAddress;

    LoginThrottle(
            UserRecords users, IdentityProperties properties, Clock clock, AuditLog audit, TransactionTemplate tx) {
        this.users = users;
        this.settings = properties.security();
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
        this.failuresByAddress =
                new AddressRateLimiter(clock, settings.maxFailedLoginsPerAddress(), settings.addressWindow(), 100_000);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String email = event.getAuthentication().getName();
        if (email == null || email.isBlank() || email.length() > 254) return;
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            users.recordFailedLogin(email, settings.maxFailedLogins(), now.plus(settings.lockout()));
            users.credentials(email)
                    .filter(c -> c.lockedUntil() != null && c.lockedUntil().isAfter(now))
                    .ifPresent(c -> {
                        log.warn("Account {} locked until {} after repeated failed sign-ins", c.id(), c.lockedUntil());
                        audit.record(Actor.system(), "user.locked", "user", c.id(), null, null);
                    });
        });
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof KobanUserDetails user) {
            tx.executeWithoutResult(status -> users.recordSuccessfulLogin(user.userId(), clock.instant()));
        }
    }

    void recordAddressFailure(String address) {
        failuresByAddress.record(address);
    }

    boolean addressBlocked(String address) {
        return failuresByAddress.exceeded(address);
    }

    /** Refuses sign-in attempts from an address that failed too often, before any password is checked. */
    OncePerRequestFilter addressFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && request.getRequestURI().equals(request.getContextPath() + "/login"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (addressBlocked(request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
