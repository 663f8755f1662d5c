package org.koban.server.coordination;

import java.util.Set;
import java.util.UUID;

/**
 * What the PSIRT shares with one participant: the case's title and summary, some of its vulnerabilities, some
 * of the reporters' files, and the reporters' contact (only for reporters who agreed to it). Everything else
 * stays inside; the participant's own thread is always theirs.
 */
public record ShareCommand(
        boolean summary, boolean reporterContact, Set<UUID> vulnerabilityIds, Set<UUID> attachmentIds) {

    public ShareCommand {
        vulnerabilityIds = vulnerabilityIds == null ? Set.of() : Set.copyOf(vulnerabilityIds);
        attachmentIds = attachmentIds == null ? Set.of() : Set.copyOf(attachmentIds);
    }
}
