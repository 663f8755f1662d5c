package org.koban.server.cve.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VersionStatusView;
import org.koban.server.cases.VulnerabilityView;
import org.koban.server.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a vulnerability's CVE record (format 5.1): the CNA container that CVE Services takes, and the whole
 * record for a file. Affected products come from the case's per-version statuses: known affected is
 * {@code affected}, fixed and known not affected are {@code unaffected}, under investigation is
 * {@code unknown}; each product's other versions are {@code unknown} (its {@code defaultStatus}).
 */
final class CveRecordBuilder {

    static final String DATA_VERSION = "5.1";

    /** What goes into one record besides the vulnerability itself. */
    record Input(
            VulnerabilityView vulnerability,
            @Nullable String cveId,
            @Nullable Instant dateAssigned,
            @Nullable Instant datePublic,
            List<String> references) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TITLE = 256;
    private static final int MAX_DESCRIPTION = 4096;

    private final String vendor;
    private final UUID providerOrgId;
    private final @Nullable String shortName;

    CveRecordBuilder(String vendor, UUID providerOrgId, @Nullable String shortName) {
        this.vendor = cut(vendor, 512);
        this.providerOrgId = providerOrgId;
        this.shortName = shortName == null || shortName.length() < 2 || shortName.length() > 32 ? null : shortName;
    }

    /** The CNA container. */
    ObjectNode cnaContainer(Input input) {
        VulnerabilityView v = input.vulnerability();
        if (v.statuses().isEmpty()) {
            throw InvalidInputException.of(
                    "statuses",
                    "decide the status of at least one product version of \"" + v.title()
                            + "\" before writing its CVE record");
        }
        if (input.references().isEmpty()) {
            throw InvalidInputException.of("references", "a CVE record needs at least one reference URL");
        }
        ObjectNode cna = JSON.createObjectNode();
        ObjectNode provider = cna.putObject("providerMetadata");
        provider.put("orgId", providerOrgId.toString());
        if (shortName != null) provider.put("shortName", shortName);
        if (input.dateAssigned() != null) cna.put("dateAssigned", timestamp(input.dateAssigned()));
        if (input.datePublic() != null) cna.put("datePublic", timestamp(input.datePublic()));
        cna.put("title", cut(v.title().strip(), MAX_TITLE));
        String description = v.description().isBlank() ? v.title() : v.description();
        cna.putArray("descriptions")
                .addObject()
                .put("lang", "en")
                .put("value", cut(description.strip(), MAX_DESCRIPTION));
        affected(cna.putArray("affected"), v.statuses());
        if (v.cweId() != null) {
            ObjectNode description1 = cna.putArray("problemTypes")
                    .addObject()
                    .putArray("descriptions")
                    .addObject();
            description1.put("lang", "en");
            description1.put("cweId", v.cweId());
            description1.put("description", cut(v.cweName() == null ? v.cweId() : v.cweId() + " " + v.cweName(), 4096));
            description1.put("type", "CWE");
        }
        if (v.cvss4Vector() != null || v.cvss3Vector() != null) {
            ArrayNode metrics = cna.putArray("metrics");
            if (v.cvss4Vector() != null && v.cvss4Score() != null && v.cvss4Severity() != null) {
                ObjectNode metric = metrics.addObject();
                metric.put("format", "CVSS");
                metric.putArray("scenarios").addObject().put("lang", "en").put("value", "GENERAL");
                ObjectNode cvss = metric.putObject("cvssV4_0");
                cvss.put("version", "4.0");
                cvss.put("vectorString", v.cvss4Vector());
                cvss.put("baseScore", v.cvss4Score());
                cvss.put("baseSeverity", v.cvss4Severity().name());
            }
            if (v.cvss3Vector() != null && v.cvss3Score() != null && v.cvss3Severity() != null) {
                ObjectNode metric = metrics.addObject();
                metric.put("format", "CVSS");
                metric.putArray("scenarios").addObject().put("lang", "en").put("value", "GENERAL");
                ObjectNode cvss = metric.putObject("cvssV3_1");
                cvss.put("version", "3.1");
                cvss.put("vectorString", v.cvss3Vector());
                cvss.put("baseScore", v.cvss3Score());
                cvss.put("baseSeverity", v.cvss3Severity().name());
            }
            if (metrics.isEmpty()) cna.remove("metrics");
        }
        ArrayNode references = cna.putArray("references");
        for (String url : new LinkedHashSet<>(input.references()))
            references.addObject().put("url", url);
        cna.putObject("x_generator").put("engine", "Koban");
        return cna;
    }

    /** The whole record, as CVE Services would hold it once published. */
    ObjectNode fullRecord(Input input, String cveId, @Nullable Instant dateReserved, Instant dateUpdated) {
        ObjectNode record = JSON.createObjectNode();
        record.put("dataType", "CVE_RECORD");
        record.put("dataVersion", DATA_VERSION);
        ObjectNode meta = record.putObject("cveMetadata");
        meta.put("cveId", cveId);
        meta.put("assignerOrgId", providerOrgId.toString());
        if (shortName != null) meta.put("assignerShortName", shortName);
        meta.put("state", "PUBLISHED");
        if (dateReserved != null) meta.put("dateReserved", timestamp(dateReserved));
        meta.put("dateUpdated", timestamp(dateUpdated));
        record.putObject("containers").set("cna", cnaContainer(input));
        return record;
    }

    private void affected(ArrayNode affected, List<VersionStatusView> statuses) {
        // One entry per product name, versions in the order given, each version once with its worst status.
        Map<String, Map<String, String>> byProduct = new LinkedHashMap<>();
        List<VersionStatusView> sorted = new ArrayList<>(statuses);
        sorted.sort(Comparator.comparing(VersionStatusView::productName).thenComparing(VersionStatusView::version));
        for (VersionStatusView s : sorted) {
            Map<String, String> versions =
                    byProduct.computeIfAbsent(cut(s.productName(), 2048), k -> new LinkedHashMap<>());
            versions.merge(cut(s.version(), 1024), status(s.status()), CveRecordBuilder::worse);
        }
        byProduct.forEach((product, versions) -> {
            ObjectNode entry = affected.addObject();
            entry.put("vendor", vendor);
            entry.put("product", product);
            entry.put("defaultStatus", "unknown");
            ArrayNode list = entry.putArray("versions");
            versions.forEach((version, status) ->
                    list.addObject().put("version", version).put("status", status));
        });
    }

    static String status(VersionStatus status) {
        return switch (status) {
            case KNOWN_AFFECTED -> "affected";
            case FIXED, KNOWN_NOT_AFFECTED -> "unaffected";
            case UNDER_INVESTIGATION -> "unknown";
        };
    }

    private static String worse(String a, String b) {
        if (a.equals("affected") || b.equals("affected")) return "affected";
        if (a.equals("unknown") || b.equals("unknown")) return "unknown";
        return "unaffected";
    }

    private static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String cut(String text, int max) {
        if (text.isEmpty()) return "-";
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
