package org.koban.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.koban.csaf.model.CsafDocument;

class CsafBuilderUnitTest {

    @Test
    void builtSecurityAdvisoryIsValidAndRoundTrips() {
        CsafBuilder b = CsafBuilder.securityAdvisory("Example: buffer overflow in Widget")
                .publisher("vendor", "Example Corp", "https://example.com")
                .tracking("EX-2024-001", "final", "1", "2024-05-01T10:00:00Z")
                .revision("1", "2024-05-01T10:00:00Z", "Initial version")
                .tlp("WHITE")
                .note("summary", "Summary", "A buffer overflow.");
        CsafBuilder.ProductTreeBuilder products = b.products();
        String v1 = products.version(
                "Example Corp",
                "Widget",
                "1.2.3",
                "CSAFPID-1",
                CsafBuilder.helper("cpe:2.3:a:example:widget:1.2.3:*:*:*:*:*:*:*", "pkg:generic/example/widget@1.2.3"));
        String v2 = products.version("Example Corp", "Widget", "1.2.4", "CSAFPID-2", null);
        String os = products.fullProductName("CSAFPID-3", "Example OS", null);
        String combo = products.relationship("installed_on", v1, os, "CSAFPID-4", "Widget 1.2.3 on Example OS");
        products.group("CSAFGID-1", "all widgets", v1, v2);
        b.vulnerability(CsafBuilder.vulnerability()
                .cve("CVE-2024-0001")
                .cwe("CWE-787", "Out-of-bounds Write")
                .note("description", "Details.")
                .knownAffected(v1, combo)
                .fixed(v2)
                .remediation("vendor_fix", "Update to 1.2.4", v1, combo)
                .cvssV3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", v1, combo)
                .build());
        CsafDocument doc = b.build();

        // vendor and product branches are shared by both versions
        assertThat(doc.productTree().branches()).hasSize(1);
        assertThat(doc.productTree().branches().get(0).branches().get(0).branches())
                .hasSize(2);
        ValidationResult result = CsafValidator.validate(doc, CsafValidator.Options.STRICT);
        assertThat(result.failedTests()).as(result.findings().toString()).isEmpty();
        assertThat(CsafJson.read(CsafJson.write(doc))).isEqualTo(doc);
    }

    @Test
    void helperRejectsMalformedCpeAndPurl() {
        assertThatThrownBy(() -> CsafBuilder.helper("not-a-cpe", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsafBuilder.helper(null, "pkg:")).isInstanceOf(IllegalArgumentException.class);
    }
}
