package org.koban.server.intake;

import java.time.Instant;

/** What the reporter sees through the tracking link. */
public record TrackedReport(String reference, Instant receivedAt, ReportState state, int attachmentCount) {}
