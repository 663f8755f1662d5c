package org.koban.server.intake;

import java.util.EnumSet;
import java.util.Set;
import org.koban.server.shared.PageQuery;

/**
 * What the triage queue shows: reports in the given states (open ones by default), a full-text search, an
 * order and a page.
 */
public record TriageQuery(Set<ReportState> states, Sort sort, PageQuery page) {

    public enum Sort {
        /** Oldest first: the default, since the oldest report is closest to its targets. */
        OLDEST,
        NEWEST,
        /** By the triage target, soonest first. */
        DUE
    }

    public TriageQuery {
        states = states.isEmpty() ? openStates() : Set.copyOf(EnumSet.copyOf(states));
    }

    public static Set<ReportState> openStates() {
        return EnumSet.of(ReportState.RECEIVED, ReportState.NEEDS_INFORMATION);
    }

    public static TriageQuery open(PageQuery page) {
        return new TriageQuery(openStates(), Sort.OLDEST, page);
    }
}
