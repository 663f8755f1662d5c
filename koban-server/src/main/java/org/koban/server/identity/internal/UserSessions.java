package org.koban.server.identity.internal;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a person's open sessions (they live in the database, so on every node at once): after a password
 * change everywhere but where it was changed, after an admin's reset or a disabling everywhere.
 */
@Component
class UserSessions {

    private final JdbcClient jdbc;

    UserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void endAll(String email) {
        end(email, null);
    }

    void endAllButCurrent(String email) {
        end(email, currentSessionId());
    }

    private void end(String email, @Nullable String keep) {
        jdbc.sql("delete from spring_session where lower(principal_name) = lower(:email)"
                        + " and (cast(:keep as text) is null or session_id <> :keep)")
                .param("email", email)
                .param("keep", keep)
                .update();
    }

    private static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
