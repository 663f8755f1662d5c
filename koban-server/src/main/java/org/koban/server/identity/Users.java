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

    /** Sets the time zone (an IANA id such as {@code Asia/Tokyo}; null for UTC) in which the actor reads times. */
    UserView setOwnTimeZone(Actor actor, @Nullable String timeZone);

    /**
     * Creates the account of a person of an outside party who accepted an invitation: the participant role and
     * nothing else. Called by the coordination module once it has checked the invitation; not for display.
     *
     * @throws org.koban.server.shared.InvalidInputException naming the fields that are wrong
     */
    UserView createParticipant(
            String email, String displayName, String password, UUID partyId, @Nullable String timeZone);

    /** The account with this email address, enabled or not. For Koban's own checks, not for display. */
    Optional<UserView> byEmail(String email);

    /** How many accounts, enabled or not, belong to an outside party (a party with accounts stays). */
    long partyAccounts(UUID partyId);

    /** The enabled accounts of an outside party, for Koban's own notifications. */
    List<MailRecipient> partyMembers(UUID partyId);

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
