package org.koban.server.coordination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record PartyView(
        UUID id,
        String name,
        PartyKind kind,
        @Nullable String country,
        @Nullable String website,
        @Nullable String securityTxt,
        List<PartyContact> contacts,
        @Nullable String pgpKey,
        String notes,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasPgpKey() {
        return pgpKey != null;
    }
}
