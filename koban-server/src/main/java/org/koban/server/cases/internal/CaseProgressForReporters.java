package org.koban.server.cases.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.koban.server.cases.CaseState;
import org.koban.server.intake.CaseProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reporter may see of their case: its phase and dated milestones, never its content (other reporters,
 * lines, notes, scores before publication).
 */
@Component
class CaseProgressForReporters implements CaseProgress {

    private final JdbcClient jdbc;

    CaseProgressForReporters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PublicProgress> of(UUID caseId) {
        return jdbc.sql("""
                        select c.state, c.opened_at, c.fix_ready_at, c.fix_deployed_at,
                               (select count(*) from remediation_task t where t.case_id = c.id) as tasks,
                               (select count(*) from remediation_task t where t.case_id = c.id
                                    and t.state = 'RELEASED') as released
                        from psirt_case c where c.id = :id
                        """)
                .param("id", caseId)
                .query((rs, n) -> {
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    List<String> milestones = new ArrayList<>();
                    milestones.add(date(rs.getTimestamp("opened_at").toInstant()) + ": confirmed and under analysis");
                    if (rs.getTimestamp("fix_ready_at") != null) {
                        milestones.add(date(rs.getTimestamp("fix_ready_at").toInstant()) + ": fix ready");
                    }
                    int tasks = rs.getInt("tasks");
                    int released = rs.getInt("released");
                    if (tasks > 0 && released > 0 && rs.getTimestamp("fix_deployed_at") == null) {
                        milestones.add("fixes released for " + released + " of " + tasks + " product lines");
                    }
                    if (rs.getTimestamp("fix_deployed_at") != null) {
                        milestones.add(date(rs.getTimestamp("fix_deployed_at").toInstant()) + ": fixes released");
                    }
                    return new PublicProgress(state.label(), List.copyOf(milestones));
                })
                .optional();
    }

    private static String date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
