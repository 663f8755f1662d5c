package org.koban.server.coordination;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to add or change a party; every field is checked by {@link Parties}.
 *
 * @param country ISO 3166-1 alpha-2, e.g. JP, TW
 * @param securityTxt the URL of their {@code security.txt} (RFC 9116), where they publish how to reach them
 * @param pgpKey their ASCII-armored OpenPGP public key, for encrypted mail
 */
public record PartyCommand(
        @Nullable String name,
        @Nullable PartyKind kind,
        @Nullable String country,
        @Nullable String website,
        @Nullable String securityTxt,
        @Nullable List<PartyContact> contacts,
        @Nullable String pgpKey,
        @Nullable String notes) {}
