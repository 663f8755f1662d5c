package org.koban.server.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/** Users: managed by admins; each person changes their own password. Every change is audited. */
public interface Users {

    int MIN_PASSWORD_LENGTH = 12;
    int MAX_PASSWORD_BYTES = 72;

    Page<UserView> list(Actor actor, PageQuery query);

    UserView get(Actor actor, UUID userId);

    UserView create(Actor actor, UserCommand command);

    UserView update(Actor actor, UUID userId, UserCommand command);

    /** Lifts a lockout after repeated failed logins. */
    UserView unlock(Actor actor, UUID userId);

    void changeOwnPassword(Actor actor, String currentPassword, String newPassword);

    /** Whether any user exists: the first start creates the admin. */
    boolean anyExists();

    /**
     * Enabled users who have at least one of the roles and, when a line is given, are members of it. For
     * Koban's own notifications, not for display: it takes no actor and checks no permission.
     */
    List<MailRecipient> recipients(Set<Role> roles, @Nullable UUID lineId);

    /** The user as a recipient, if they exist and are enabled. For Koban's own notifications. */
    Optional<MailRecipient> recipient(UUID userId);
}
