package org.koban.server.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.intake.ReportDetail;
import org.koban.server.scoring.Severity;
import org.koban.server.shared.Page;

/**
 * A case as the actor may see it. For line-scoped people, tasks and version statuses are those of their own
 * lines, and the reporters' contact details are left out.
 */
public record CaseDetail(
        UUID id,
        String reference,
        String title,
        String summary,
        CaseState state,
        @Nullable String stateReason,
        @Nullable Severity severity,
        Instant openedAt,
        Instant updatedAt,
        Map<CaseFact, Instant> facts,
        List<VulnerabilityView> vulnerabilities,
        List<TaskView> tasks,
        List<ReportDetail> reports,
        Page<TimelineEntry> timeline) {}
