package org.koban.server.intake;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Medians over the reports received in the last 365 days; null when none has reached that point. */
public record ReportTimings(
        @Nullable Duration medianToAcknowledge, @Nullable Duration medianToTriage) {}
