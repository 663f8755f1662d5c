package org.koban.server.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard shows about cases, within what the actor may see.
 *
 * @param myTasks open tasks the actor owns or, for engineers, of their lines, soonest due first
 * @param overdueTasks open tasks past their due date
 * @param byState open cases per state
 * @param bySeverity open cases per severity label ("Not scored" for none)
 * @param byLine cases with open work per production line (open remediation tasks: one per case and line)
 * @param medianToAcknowledge median over reports of the last 365 days, null when there are none
 */
public record CaseDashboard(
        List<TaskView> myTasks,
        List<TaskView> overdueTasks,
        Map<String, Long> byState,
        Map<String, Long> bySeverity,
        Map<String, Long> byLine,
        @Nullable Duration medianToAcknowledge,
        @Nullable Duration medianToTriage,
        @Nullable Duration medianToFix) {

    /** The largest count of a chart, to scale its bars. */
    public long maxOf(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
