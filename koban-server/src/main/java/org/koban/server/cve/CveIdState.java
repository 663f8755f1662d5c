package org.koban.server.cve;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one of the organisation's CVE ids in Koban. Reserved ids are the organisation's unused pool;
 * an assigned id is on exactly one vulnerability; a published one has a CVE record at CVE Services (updates
 * keep it published); only an unused id is rejected. An id assigned by an outside CNA starts as assigned.
 */
public enum CveIdState {
    RESERVED("Reserved, unused"),
    ASSIGNED("Assigned"),
    PUBLISHED("Published"),
    REJECTED("Rejected");

    private static final Map<CveIdState, Set<CveIdState>> NEXT = new EnumMap<>(CveIdState.class);

    static {
        NEXT.put(RESERVED, EnumSet.of(ASSIGNED, REJECTED));
        NEXT.put(ASSIGNED, EnumSet.of(PUBLISHED));
        NEXT.put(PUBLISHED, EnumSet.of(PUBLISHED));
        NEXT.put(REJECTED, EnumSet.noneOf(CveIdState.class));
    }

    private final String label;

    CveIdState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an id in this state may move to {@code target} (published to published is an update). */
    public boolean canBecome(CveIdState target) {
        return NEXT.get(this).contains(target);
    }
}
