package org.koban.server.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A production line's remediation task (architecture: open → in progress → fix ready → released; won't fix
 * with a reason from any open state).
 */
public enum TaskState {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    FIX_READY("Fix ready"),
    RELEASED("Released"),
    WONT_FIX("Won't fix");

    private static final Map<TaskState, Set<TaskState>> TRANSITIONS = new EnumMap<>(TaskState.class);

    static {
        TRANSITIONS.put(OPEN, EnumSet.of(IN_PROGRESS, WONT_FIX));
        TRANSITIONS.put(IN_PROGRESS, EnumSet.of(FIX_READY, WONT_FIX));
        TRANSITIONS.put(FIX_READY, EnumSet.of(RELEASED, WONT_FIX));
        TRANSITIONS.put(RELEASED, EnumSet.noneOf(TaskState.class));
        TRANSITIONS.put(WONT_FIX, EnumSet.noneOf(TaskState.class));
        TRANSITIONS.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
    }

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canMoveTo(TaskState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<TaskState> next() {
        return TRANSITIONS.get(this);
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS || this == FIX_READY;
    }
}
