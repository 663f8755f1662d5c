package org.koban.server.identity.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class KobanUserDetailsService implements UserDetailsService {

    private final UserRecords users;
    private final Clock clock;

    KobanUserDetailsService(UserRecords users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var credentials = users.credentials(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        boolean nonLocked =
                credentials.lockedUntil() == null || !credentials.lockedUntil().isAfter(clock.instant());
        return new KobanUserDetails(
                credentials.id(), credentials.email(), credentials.passwordHash(), credentials.enabled(), nonLocked);
    }
}
