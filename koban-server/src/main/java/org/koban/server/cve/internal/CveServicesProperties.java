package org.koban.server.cve.internal;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code koban.cve-services.*}: where CVE Services is and Koban's CNA credentials, with the limits of the
 * client. See docs/configuration.md and docs/cve.md. Koban works as a CNA only when url, org, user and key
 * are all set; otherwise it writes record files for an outside CNA.
 */
@ConfigurationProperties("koban.cve-services")
record CveServicesProperties(
        @Nullable String url,
        @Nullable String org,
        @Nullable String user,
        @Nullable String key,
        @Nullable UUID orgId,
        @Nullable String vendor,
        @Nullable Duration connectTimeout,
        @Nullable Duration requestTimeout,
        @Nullable Integer maxRetries,
        @Nullable Duration maxRetryWait,
        @Nullable Duration pendingTimeout) {

    /** The nil-like placeholder written as providerMetadata.orgId when no org id is configured. */
    static final UUID PLACEHOLDER_ORG_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    boolean configured() {
        return present(url) && present(org) && present(user) && present(key);
    }

    URI baseUri() {
        String base = url == null ? "" : url.strip();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    String orgShortName() {
        return org == null ? "" : org.strip();
    }

    String userName() {
        return user == null ? "" : user.strip();
    }

    String apiKey() {
        return key == null ? "" : key.strip();
    }

    UUID providerOrgId() {
        return orgId == null ? PLACEHOLDER_ORG_ID : orgId;
    }

    String vendorName() {
        return present(vendor) ? vendor.strip() : "Koban demo manufacturer";
    }

    Duration connect() {
        return positive(connectTimeout, Duration.ofSeconds(10));
    }

    Duration request() {
        return positive(requestTimeout, Duration.ofSeconds(30));
    }

    int retries() {
        return maxRetries == null || maxRetries < 0 ? 3 : maxRetries;
    }

    /** The longest Retry-After Koban waits for; a longer one fails at once as rate-limited. */
    Duration retryWaitCap() {
        return positive(maxRetryWait, Duration.ofSeconds(60));
    }

    /** A request still pending after this long was interrupted (crash, lost thread) and is reconciled. */
    Duration pending() {
        return positive(pendingTimeout, Duration.ofMinutes(10));
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static Duration positive(@Nullable Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
