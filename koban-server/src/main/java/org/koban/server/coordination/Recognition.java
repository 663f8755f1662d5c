package org.koban.server.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A third party's recognition of a case: who confirmed it (a national CERT, a CNA), under which id (e.g.
 * JVNVU#12345678, TVN-202612001, a CVE id) and where their note is published. The advisory will cite these in
 * its references and acknowledgments.
 */
public record Recognition(
        UUID id,
        UUID caseId,
        UUID partyId,
        String partyName,
        @Nullable String theirId,
        @Nullable String url,
        LocalDate confirmedOn,
        Instant recordedAt) {}
