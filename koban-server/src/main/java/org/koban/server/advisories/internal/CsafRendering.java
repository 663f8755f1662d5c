package org.koban.server.advisories.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.csaf.CsafBuilder;
import org.koban.csaf.CsafJson;
import org.koban.csaf.model.ProductIdentificationHelper;
import org.koban.server.access.Actor;
import org.koban.server.advisories.PublishedAdvisory;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VersionStatusView;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.coordination.Recognition;
import org.koban.server.intake.ReportDetail;
import org.koban.server.scoring.Severity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an advisory as a CSAF 2.0 {@code csaf_security_advisory}: the analyst's text from the advisory, and
 * from the case its vulnerabilities (CVE, CWE, CVSS v3.1 as a score, CVSS v4.0 as a note since CSAF 2.0 cannot
 * carry it), the product tree from the catalogue (vendor → family → product → version, with CPE and PURL), each
 * version's status with the justification flags of "not affected", the reporters who asked to be credited and
 * the third parties who recognised the case.
 */
@Component
class CsafRendering {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** What the rendering needs of an advisory; dates and numbers are Koban's, never typed by hand. */
    record Input(
            String trackingId,
            String title,
            String summary,
            @Nullable String impact,
            @Nullable String fix,
            @Nullable String fixUrl,
            @Nullable String workaround,
            @Nullable String mitigation,
            List<String> references,
            String tlp,
            List<Revision> publishedRevisions,
            @Nullable Instant initialReleaseDate) {}

    record Revision(int number, Instant date, String summary) {}

    private final Catalog catalog;
    private final AdvisoryProperties properties;
    private final String publicUrl;

    CsafRendering(Catalog catalog, AdvisoryProperties properties, org.koban.server.shared.PublicUrl publicUrl) {
        this.catalog = catalog;
        this.properties = properties;
        this.publicUrl = publicUrl.base();
    }

    /** The document of the next revision, as it reads when released at {@code release}. */
    String render(
            Input advisory, CaseDetail c, List<Recognition> recognitions, Instant release, String revisionSummary) {
        String at = iso(release);
        int number = advisory.publishedRevisions().size() + 1;
        String initial = advisory.initialReleaseDate() == null ? at : iso(advisory.initialReleaseDate());
        String namespace = properties.publisherNamespace() == null
                        || properties.publisherNamespace().isBlank()
                ? publicUrl
                : properties.publisherNamespace().strip();
        CsafBuilder b = CsafBuilder.securityAdvisory(advisory.title())
                .publisher("vendor", properties.publisher(), namespace)
                .tracking(advisory.trackingId(), "final", String.valueOf(number), initial)
                .currentRelease(String.valueOf(number), at)
                .generator("Koban", null, at)
                .tlp(advisory.tlp());
        for (Revision r : advisory.publishedRevisions())
            b.revision(String.valueOf(r.number()), iso(r.date()), r.summary());
        b.revision(String.valueOf(number), at, revisionSummary);
        b.note("summary", "Summary", advisory.summary());
        b.reference(
                "self",
                selfUrl(
                        advisory.tlp(),
                        advisory.initialReleaseDate() == null ? release : advisory.initialReleaseDate(),
                        advisory.trackingId()),
                "This advisory as CSAF");
        for (String url : advisory.references()) b.reference("external", url, "Reference");
        for (Recognition r : recognitions) {
            if (r.url() != null) {
                b.reference("external", r.url(), r.partyName() + (r.theirId() == null ? "" : " " + r.theirId()));
            }
        }
        acknowledgments(b, c, recognitions);

        Map<UUID, String> products = productTree(b, c);
        Severity highest = null;
        for (VulnerabilityView v : c.vulnerabilities()) {
            b.vulnerability(vulnerability(advisory, v, products));
            Severity s = v.severity();
            if (s != null && (highest == null || s.compareTo(highest) > 0)) highest = s;
        }
        if (highest != null) b.aggregateSeverity(highest.label());
        return CsafJson.write(b.build());
    }

    /** Where the provider directory serves the document (its year is that of the initial release). */
    private String selfUrl(String tlp, Instant initialRelease, String trackingId) {
        return publicUrl + "/.well-known/csaf/" + PublishedAdvisory.path(tlp, initialRelease, trackingId);
    }

    /**
     * An approved document as published at {@code when}: that moment in every date Koban keeps, and for a first
     * publication the self reference in that year's folder (approval and publication may fall in different years).
     */
    String datedAt(String csaf, Instant when, boolean first) {
        String at = iso(when);
        ObjectNode root = (ObjectNode) JSON.readTree(csaf);
        ObjectNode document = (ObjectNode) root.get("document");
        ObjectNode tracking = (ObjectNode) document.get("tracking");
        tracking.put("current_release_date", at);
        if (first) {
            tracking.put("initial_release_date", at);
            String self = selfUrl(
                    document.at("/distribution/tlp/label").asString(),
                    when,
                    tracking.get("id").asString());
            for (JsonNode reference : document.path("references")) {
                if ("self".equals(reference.path("category").asString())) ((ObjectNode) reference).put("url", self);
            }
        }
        JsonNode generator = tracking.get("generator");
        if (generator instanceof ObjectNode g) g.put("date", at);
        ArrayNode history = (ArrayNode) tracking.get("revision_history");
        ((ObjectNode) history.get(history.size() - 1)).put("date", at);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void acknowledgments(CsafBuilder b, CaseDetail c, List<Recognition> recognitions) {
        Set<String> credited = new LinkedHashSet<>();
        for (ReportDetail report : c.reports()) {
            if (report.creditAs() != null && !report.creditAs().isBlank())
                credited.add(report.creditAs().strip());
        }
        if (!credited.isEmpty()) b.acknowledgment(List.copyOf(credited), null, "Reported the vulnerability", List.of());
        Map<String, List<String>> byParty = new LinkedHashMap<>();
        for (Recognition r : recognitions) {
            byParty.computeIfAbsent(r.partyName(), p -> new ArrayList<>());
            if (r.url() != null) byParty.get(r.partyName()).add(r.url());
        }
        byParty.forEach((party, urls) -> b.acknowledgment(List.of(), party, "Coordinated the disclosure", urls));
    }

    /** Every product version the case decided on, once, in the tree; returns version id → product id. */
    private Map<UUID, String> productTree(CsafBuilder b, CaseDetail c) {
        Map<UUID, String> ids = new LinkedHashMap<>();
        Map<UUID, ProductView> productsById = new HashMap<>();
        for (VulnerabilityView v : c.vulnerabilities()) {
            for (VersionStatusView s : v.statuses()) {
                if (ids.containsKey(s.versionId())) continue;
                ProductVersionView version = catalog.version(Actor.system(), s.versionId());
                ProductView product =
                        productsById.computeIfAbsent(version.productId(), id -> catalog.product(Actor.system(), id));
                String id = "KOBAN-" + s.versionId();
                b.products()
                        .version(
                                properties.publisher(),
                                product.familyName(),
                                product.name(),
                                version.version(),
                                id,
                                helper(version.cpe(), version.purl()));
                ids.put(s.versionId(), id);
            }
        }
        return ids;
    }

    private static @Nullable ProductIdentificationHelper helper(@Nullable String cpe, @Nullable String purl) {
        if (cpe == null && purl == null) return null;
        try {
            return CsafBuilder.helper(cpe, purl);
        } catch (IllegalArgumentException notUsable) {
            // The catalogue checks both on entry; an old value that no longer passes is left out, not guessed.
            return null;
        }
    }

    private static org.koban.csaf.model.Vulnerability vulnerability(
            Input advisory, VulnerabilityView v, Map<UUID, String> products) {
        var builder = CsafBuilder.vulnerability().title(v.title());
        if (v.cve() != null) builder.cve(v.cve());
        if (v.cweId() != null && v.cweName() != null) builder.cwe(v.cweId(), v.cweName());
        builder.note("description", v.description().isBlank() ? v.title() : v.description());
        if (v.cvss4Vector() != null) {
            builder.note(
                    "other",
                    "CVSS v4.0 (not representable in CSAF 2.0): " + v.cvss4Vector()
                            + (v.cvss4Score() == null
                                    ? ""
                                    : " — base score " + v.cvss4Score().toPlainString()));
        }
        Map<VersionStatus, List<String>> byStatus = new LinkedHashMap<>();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (VersionStatusView s : v.statuses()) {
            String id = products.get(s.versionId());
            byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(id);
            if (s.status() == VersionStatus.KNOWN_NOT_AFFECTED && s.justification() != null) {
                flags.computeIfAbsent(s.justification().csaf(), k -> new ArrayList<>())
                        .add(id);
            }
        }
        byStatus.forEach((status, ids) -> builder.status(status.csaf(), ids.toArray(String[]::new)));
        flags.forEach((label, ids) -> builder.flag(label, ids.toArray(String[]::new)));
        List<String> affected = byStatus.getOrDefault(VersionStatus.KNOWN_AFFECTED, List.of());
        List<String> concerned = new ArrayList<>(affected);
        concerned.addAll(byStatus.getOrDefault(VersionStatus.FIXED, List.of()));
        if (advisory.fix() != null && !concerned.isEmpty()) {
            builder.remediation(
                    "vendor_fix", advisory.fix(), advisory.fixUrl(), affected.isEmpty() ? concerned : affected);
        }
        if (!affected.isEmpty()) {
            if (advisory.workaround() != null) {
                builder.remediation("workaround", advisory.workaround(), null, affected);
            }
            if (advisory.mitigation() != null) {
                builder.remediation("mitigation", advisory.mitigation(), null, affected);
            }
            if (advisory.impact() != null) builder.threat("impact", advisory.impact(), affected.toArray(String[]::new));
        }
        if (v.cvss3Vector() != null && !concerned.isEmpty()) {
            builder.cvssV3(v.cvss3Vector(), concerned.toArray(String[]::new));
        }
        return builder.build();
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
