package org.koban.server.intake;

import java.util.UUID;

/** The reporter wrote a message or added files through the tracking link; the PSIRT should look. */
public record ReporterReplied(UUID reportId, String reference) {}
