package org.koban.server.distribution.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code koban.distribution.*}: see docs/configuration.md. */
@ConfigurationProperties("koban.distribution")
record DistributionProperties(
        @Nullable String siteDir,
        @Nullable String signingKeyPassphrase,
        @Nullable String signingKeyUserId,
        @Nullable Duration syncInterval) {}
