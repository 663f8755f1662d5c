package org.koban.server.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the hash chain: how many entries were checked and, if the chain is broken,
 * the first entry whose stored hash or link does not match.
 */
public record AuditVerification(
        boolean intact,
        long entriesChecked,
        @Nullable Long firstBrokenSeq,
        @Nullable String problem) {}
