package org.koban.server.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reporter sends, through the form or {@code POST /api/v1/reports}; every field is untrusted and
 * checked by {@link Intake#submit}. {@code product} is a catalogue product id or the product's name as the
 * reporter knows it; {@code creditAs} absent means "do not credit me".
 */
public record ReportSubmission(
        @Nullable String product,
        @Nullable String version,
        @Nullable String description,
        @Nullable String impact,
        @Nullable String stepsToReproduce,
        @Nullable Boolean alreadyPublic,
        @Nullable Boolean exploited,
        @Nullable List<String> references,
        @Nullable String disclosurePlans,
        @Nullable String reporterName,
        @Nullable String reporterOrganisation,
        @Nullable String reporterEmail,
        @Nullable String reporterPgpKey,
        @Nullable String creditAs,
        @Nullable Boolean shareContact) {}
