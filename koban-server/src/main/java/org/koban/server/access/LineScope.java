package org.koban.server.access;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The production lines whose records an actor may see: all of them, or a set. List queries include it as
 * one SQL predicate ({@link #sqlPredicate}), so no list forgets the row-level rule.
 */
public record LineScope(boolean all, Set<UUID> lineIds) {

    public LineScope {
        lineIds = Set.copyOf(lineIds);
    }

    public static LineScope everything() {
        return new LineScope(true, Set.of());
    }

    public static LineScope only(Collection<UUID> lineIds) {
        return new LineScope(false, Set.copyOf(lineIds));
    }

    public boolean includes(UUID lineId) {
        return all || lineIds.contains(lineId);
    }

    public boolean isEmpty() {
        return !all && lineIds.isEmpty();
    }

    /**
     * A predicate on the given line-id column, with {@code :scopeAll} and {@code :scopeLines} parameters
     * to bind with {@link #allParameter()} and {@link #linesParameter()}.
     */
    public static String sqlPredicate(String lineIdColumn) {
        return "(:scopeAll or " + lineIdColumn + " = any(:scopeLines))";
    }

    public boolean allParameter() {
        return all;
    }

    public UUID[] linesParameter() {
        return lineIds.toArray(UUID[]::new);
    }
}
