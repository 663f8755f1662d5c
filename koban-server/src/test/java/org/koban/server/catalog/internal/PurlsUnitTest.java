package org.koban.server.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurlsUnitTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pkg:generic/example/gw-100@2.1.0",
                "pkg:maven/org.apache.commons/commons-csv@1.14.1",
                "pkg:npm/%40angular/core@17.0.0",
                "pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=bookworm"
            })
    void acceptsPackageUrls(String purl) {
        assertThat(Purls.problem(purl)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"generic/example/gw-100@2.1.0", "pkg:", "pkg:generic", "pkg:1nvalid type/x@1", "pkg:generic/@1.0"
            })
    void refusesMalformedPackageUrlsWithAClearMessage(String purl) {
        assertThat(Purls.problem(purl)).isNotNull().containsAnyOf("package URL", "pkg:");
    }
}
