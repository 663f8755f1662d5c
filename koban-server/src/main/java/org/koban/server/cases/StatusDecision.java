package org.koban.server.cases;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One decision applied to many product versions at once, e.g. "these twelve versions are not affected because
 * the vulnerable component is not present".
 *
 * @param justification required for {@link VersionStatus#KNOWN_NOT_AFFECTED}, refused otherwise
 * @param statement the reasoning in words, shown in the advisory
 */
public record StatusDecision(
        @Nullable UUID vulnerabilityId,
        @Nullable List<UUID> versionIds,
        @Nullable VersionStatus status,
        @Nullable NotAffectedJustification justification,
        @Nullable String statement) {}
