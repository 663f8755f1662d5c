package org.koban.server.intake.web;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.koban.server.intake.ReportSubmission;

/**
 * The public form as typed, kept whole so that a failed submission can show it again. {@code website} is
 * the honeypot: hidden from people by CSS, filled in only by bots. {@code references} is one URL per line.
 * Check boxes are {@code Boolean}: an unticked box sends nothing, which means "no".
 */
record ReportForm(
        @Nullable String productId,
        @Nullable String productName,
        @Nullable String version,
        @Nullable String description,
        @Nullable String impact,
        @Nullable String stepsToReproduce,
        @Nullable Boolean alreadyPublic,
        @Nullable Boolean exploited,
        @Nullable String references,
        @Nullable String disclosurePlans,
        @Nullable String reporterName,
        @Nullable String reporterOrganisation,
        @Nullable String reporterEmail,
        @Nullable String reporterPgpKey,
        @Nullable Boolean credit,
        @Nullable String creditAs,
        @Nullable Boolean shareContact,
        @Nullable String website) {

    static ReportForm empty() {
        return new ReportForm("", "", "", "", "", "", false, false, "", "", "", "", "", "", false, "", false, "");
    }

    boolean isBot() {
        return website != null && !website.isEmpty();
    }

    ReportSubmission toSubmission() {
        String product = productId != null && !productId.isBlank() ? productId : productName;
        List<String> urls = references == null
                ? List.of()
                : Arrays.stream(references.split("\\R"))
                        .filter(line -> !line.isBlank())
                        .toList();
        String credited = Boolean.TRUE.equals(credit)
                ? (creditAs != null && !creditAs.isBlank() ? creditAs : reporterName)
                : null;
        return new ReportSubmission(
                product,
                version,
                description,
                impact,
                stepsToReproduce,
                alreadyPublic,
                exploited,
                urls,
                disclosurePlans,
                reporterName,
                reporterOrganisation,
                reporterEmail,
                reporterPgpKey,
                credited,
                shareContact);
    }
}
