package org.koban.server.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The case lifecycle (architecture: analysis → remediation → disclosure → closed; deferred ⇄ any open
 * state; rejected with a reason from analysis; reopened from closed). A reopened case goes back to work in
 * any phase or is closed again; a rejected one may be reopened when new facts arrive. This enum says what is
 * legal; the guards that depend on the case's content (e.g. no open task before disclosure) are in the
 * service, and who may move a case is the permission service's business.
 */
public enum CaseState {
    ANALYSIS("Analysis"),
    REMEDIATION("Remediation"),
    DISCLOSURE("Disclosure"),
    CLOSED("Closed"),
    DEFERRED("Deferred"),
    REJECTED("Rejected"),
    REOPENED("Reopened");

    private static final Map<CaseState, Set<CaseState>> TRANSITIONS = new EnumMap<>(CaseState.class);

    static {
        TRANSITIONS.put(ANALYSIS, EnumSet.of(REMEDIATION, DEFERRED, REJECTED));
        TRANSITIONS.put(REMEDIATION, EnumSet.of(DISCLOSURE, DEFERRED));
        TRANSITIONS.put(DISCLOSURE, EnumSet.of(CLOSED, DEFERRED));
        TRANSITIONS.put(DEFERRED, EnumSet.of(ANALYSIS, REMEDIATION, DISCLOSURE, REOPENED));
        TRANSITIONS.put(CLOSED, EnumSet.of(REOPENED));
        TRANSITIONS.put(REJECTED, EnumSet.of(REOPENED));
        TRANSITIONS.put(REOPENED, EnumSet.of(ANALYSIS, REMEDIATION, DISCLOSURE, CLOSED, DEFERRED));
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(CaseState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<CaseState> next() {
        return TRANSITIONS.get(this);
    }

    /** Open: work goes on (closed and rejected cases are done). */
    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }

    /** Moves that must say why: deferring, rejecting, reopening. */
    public boolean needsReason() {
        return this == DEFERRED || this == REJECTED || this == REOPENED;
    }
}
