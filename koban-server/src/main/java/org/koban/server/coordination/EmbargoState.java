package org.koban.server.coordination;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The embargo lifecycle of CERT/CC's coordination model (architecture: none → proposed → active (accepted) or
 * none (rejected); active → revising → active (accepted or rejected); active/revising → ended, when the date is
 * reached or at once when the vulnerability or an exploit is public or attacks are observed).
 */
public enum EmbargoState {
    NONE("No embargo"),
    PROPOSED("Proposed"),
    ACTIVE("Active"),
    REVISING("Revision proposed"),
    ENDED("Ended");

    private static final Map<EmbargoState, Set<EmbargoState>> TRANSITIONS = new EnumMap<>(EmbargoState.class);

    static {
        TRANSITIONS.put(NONE, EnumSet.of(PROPOSED));
        TRANSITIONS.put(PROPOSED, EnumSet.of(ACTIVE, NONE));
        TRANSITIONS.put(ACTIVE, EnumSet.of(REVISING, ENDED));
        TRANSITIONS.put(REVISING, EnumSet.of(ACTIVE, ENDED));
        TRANSITIONS.put(ENDED, EnumSet.noneOf(EmbargoState.class));
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    private final String label;

    EmbargoState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(EmbargoState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<EmbargoState> next() {
        return TRANSITIONS.get(this);
    }

    /** Whether the case's details are under embargo now (a proposal is not yet binding). */
    public boolean binds() {
        return this == ACTIVE || this == REVISING;
    }

    /**
     * Where the embargo goes when the vulnerability or an exploit becomes public, or attacks are observed: a
     * binding embargo ends at once; a mere proposal is dropped; no embargo stays none.
     */
    public EmbargoState onPublicKnowledge() {
        return switch (this) {
            case ACTIVE, REVISING -> ENDED;
            case PROPOSED -> NONE;
            case NONE, ENDED -> this;
        };
    }
}
