package org.koban.server.coordination;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Accepting an invitation to the participant portal: the link's secret is the only credential. */
public interface Invitations {

    /** The open (not accepted, not expired) invitation behind the secret. */
    Optional<Invitation> find(String secret);

    /**
     * Creates the person's account as a participant of the inviting party and closes the invitation.
     *
     * @return the new user's id
     */
    UUID accept(String secret, @Nullable String displayName, @Nullable String password, @Nullable String timeZone);

    record Invitation(String email, String displayName, String partyName, String caseReference) {}
}
