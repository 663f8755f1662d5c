package org.koban.server.intake.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code koban.intake.*}: see docs/configuration.md. */
@ConfigurationProperties("koban.intake")
record IntakeProperties(
        @Nullable String referencePrefix,
        @Nullable DataSize maxFileSize,
        @Nullable DataSize maxReportSize,
        @Nullable Integer maxAttachments,
        @Nullable String attachmentKey,
        @Nullable String securityContact,
        @Nullable String policyUrl,
        @Nullable List<String> preferredLanguages,
        @Nullable Duration securityTxtExpiresAfter) {

    String prefix() {
        return referencePrefix == null || referencePrefix.isBlank() ? "KOBAN-R" : referencePrefix;
    }

    long fileLimit() {
        return maxFileSize == null ? DataSize.ofMegabytes(25).toBytes() : maxFileSize.toBytes();
    }

    long reportLimit() {
        return maxReportSize == null ? DataSize.ofMegabytes(100).toBytes() : maxReportSize.toBytes();
    }

    int attachmentLimit() {
        return maxAttachments == null ? 20 : maxAttachments;
    }

    List<String> languages() {
        return preferredLanguages == null || preferredLanguages.isEmpty() ? List.of("en") : preferredLanguages;
    }

    Duration expiresAfter() {
        return securityTxtExpiresAfter == null ? Duration.ofDays(365) : securityTxtExpiresAfter;
    }
}
