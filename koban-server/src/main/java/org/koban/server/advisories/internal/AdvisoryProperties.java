package org.koban.server.advisories.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code koban.advisories.*}: see docs/configuration.md. */
@ConfigurationProperties("koban.advisories")
record AdvisoryProperties(
        @Nullable String trackingPrefix,
        @Nullable String publisherName,
        @Nullable String publisherNamespace,
        @Nullable Boolean fourEyes) {

    String prefix() {
        return trackingPrefix == null || trackingPrefix.isBlank() ? "KOBAN-SA" : trackingPrefix.strip();
    }

    String publisher() {
        return publisherName == null || publisherName.isBlank() ? "Example Manufacturer" : publisherName.strip();
    }

    boolean fourEyesRule() {
        return fourEyes == null || fourEyes;
    }
}
