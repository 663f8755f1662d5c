package org.koban.server.cases;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.Severity;

/** Narrows the case list: states (none: open ones), a severity, a production line. */
public record CaseFilter(
        Set<CaseState> states,
        @Nullable Severity severity,
        @Nullable UUID lineId) {

    public CaseFilter {
        states = Set.copyOf(states);
    }

    public static CaseFilter open() {
        return new CaseFilter(Set.of(), null, null);
    }
}
