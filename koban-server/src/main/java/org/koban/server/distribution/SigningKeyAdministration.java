package org.koban.server.distribution;

import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * The signing key, for admins ({@code SIGNING_KEY_MANAGE}). Importing a key makes it the active one; the next
 * sync signs every published document again with it and announces its fingerprint. Audited.
 */
public interface SigningKeyAdministration {

    SigningKeyView active(Actor actor);

    /**
     * @param armoredSecretKey an ASCII-armored OpenPGP secret key able to sign
     * @param passphrase its passphrase (empty for an unprotected key); Koban stores the key re-encrypted with its own
     */
    SigningKeyView importKey(Actor actor, @Nullable String armoredSecretKey, @Nullable String passphrase);
}
