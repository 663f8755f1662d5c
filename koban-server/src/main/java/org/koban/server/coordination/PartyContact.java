package org.koban.server.coordination;

import org.jspecify.annotations.Nullable;

/** A person or mailbox at a party, e.g. the coordinator's vulnerability desk. */
public record PartyContact(
        @Nullable String name,
        @Nullable String email,
        @Nullable String role) {}
