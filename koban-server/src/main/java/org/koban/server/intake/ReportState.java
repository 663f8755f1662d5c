package org.koban.server.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The report lifecycle (architecture: received → needs information ⇄ received; received → accepted / merged
 * / closed with a typed reason; withdrawn by the reporter from any open state). This enum says only what
 * is legal; who may do it is the permission service's business.
 */
public enum ReportState {
    RECEIVED("Received"),
    NEEDS_INFORMATION("Needs information"),
    ACCEPTED("Accepted"),
    MERGED("Merged into an existing case"),
    CLOSED("Closed"),
    WITHDRAWN("Withdrawn");

    private static final Map<ReportState, Set<ReportState>> TRANSITIONS = new EnumMap<>(ReportState.class);

    static {
        TRANSITIONS.put(RECEIVED, EnumSet.of(NEEDS_INFORMATION, ACCEPTED, MERGED, CLOSED, WITHDRAWN));
        TRANSITIONS.put(NEEDS_INFORMATION, EnumSet.of(RECEIVED, WITHDRAWN));
        TRANSITIONS.put(ACCEPTED, EnumSet.noneOf(ReportState.class));
        TRANSITIONS.put(MERGED, EnumSet.noneOf(ReportState.class));
        TRANSITIONS.put(CLOSED, EnumSet.noneOf(ReportState.class));
        TRANSITIONS.put(WITHDRAWN, EnumSet.noneOf(ReportState.class));
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(ReportState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<ReportState> next() {
        return TRANSITIONS.get(this);
    }

    /** Open: the PSIRT has not decided yet, so the reporter may still withdraw. */
    public boolean isOpen() {
        return canMoveTo(WITHDRAWN);
    }
}
