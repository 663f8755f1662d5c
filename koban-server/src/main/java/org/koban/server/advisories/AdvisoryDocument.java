package org.koban.server.advisories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An advisory as people read it, taken from its CSAF document so that a page and the document cannot disagree:
 * per vulnerability its ids, score, products by status, remediations and notes. Used by the preview and by the
 * public pages.
 */
public record AdvisoryDocument(
        String title,
        String trackingId,
        String version,
        @Nullable String severity,
        List<Note> notes,
        List<Vulnerability> vulnerabilities,
        List<String> acknowledgments,
        List<Link> references) {

    public record Note(String title, String text) {}

    public record Link(String summary, String url) {}

    public record Status(String label, List<String> products) {}

    public record Remediation(
            String category, String details, @Nullable String url, List<String> products) {}

    public record Vulnerability(
            String title,
            @Nullable String cve,
            @Nullable String cwe,
            @Nullable String cvss,
            List<String> notes,
            List<Status> statuses,
            List<Remediation> remediations) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> STATUS_LABELS = Map.of(
            "known_affected", "Affected",
            "fixed", "Fixed",
            "known_not_affected", "Not affected",
            "under_investigation", "Under investigation");

    public static AdvisoryDocument of(String csaf) {
        JsonNode root = JSON.readTree(csaf);
        Map<String, String> names = new LinkedHashMap<>();
        collect(root.at("/product_tree/branches"), names);
        for (JsonNode p : root.at("/product_tree/full_product_names")) {
            names.put(p.path("product_id").asString(), p.path("name").asString());
        }
        List<Note> notes = new ArrayList<>();
        for (JsonNode n : root.at("/document/notes")) {
            notes.add(new Note(
                    n.path("title").asString(n.path("category").asString()),
                    n.path("text").asString()));
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (JsonNode v : root.at("/vulnerabilities")) {
            List<Status> statuses = new ArrayList<>();
            for (var entry : STATUS_LABELS.entrySet()) {
                JsonNode ids = v.at("/product_status/" + entry.getKey());
                if (ids.isArray() && !ids.isEmpty()) statuses.add(new Status(entry.getValue(), products(ids, names)));
            }
            statuses.sort(java.util.Comparator.comparing(Status::label));
            List<Remediation> remediations = new ArrayList<>();
            for (JsonNode r : v.path("remediations")) {
                remediations.add(new Remediation(
                        r.path("category").asString(),
                        r.path("details").asString(),
                        r.has("url") ? r.path("url").asString() : null,
                        products(r.path("product_ids"), names)));
            }
            List<String> vulnerabilityNotes = new ArrayList<>();
            for (JsonNode n : v.path("notes"))
                vulnerabilityNotes.add(n.path("text").asString());
            JsonNode score = v.at("/scores/0/cvss_v3");
            vulnerabilities.add(new Vulnerability(
                    v.path("title").asString(""),
                    v.has("cve") ? v.path("cve").asString() : null,
                    v.has("cwe")
                            ? v.at("/cwe/id").asString() + " "
                                    + v.at("/cwe/name").asString()
                            : null,
                    score.isMissingNode()
                            ? null
                            : score.path("baseScore").asString() + " "
                                    + score.path("baseSeverity").asString() + " ("
                                    + score.path("vectorString").asString() + ")",
                    vulnerabilityNotes,
                    statuses,
                    remediations));
        }
        List<String> acknowledgments = new ArrayList<>();
        for (JsonNode a : root.at("/document/acknowledgments")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : a.path("names")) parts.add(n.asString());
            if (a.has("organization")) parts.add(a.path("organization").asString());
            acknowledgments.add(String.join(", ", parts));
        }
        List<Link> references = new ArrayList<>();
        for (JsonNode r : root.at("/document/references")) {
            references.add(new Link(r.path("summary").asString(), r.path("url").asString()));
        }
        return new AdvisoryDocument(
                root.at("/document/title").asString(),
                root.at("/document/tracking/id").asString(),
                root.at("/document/tracking/version").asString(),
                root.at("/document/aggregate_severity/text").isMissingNode()
                        ? null
                        : root.at("/document/aggregate_severity/text").asString(),
                notes,
                vulnerabilities,
                acknowledgments,
                references);
    }

    /** The CVE ids of its vulnerabilities. */
    public List<String> cves() {
        return vulnerabilities.stream()
                .map(Vulnerability::cve)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Every product version it names, once. */
    public List<String> products() {
        return vulnerabilities.stream()
                .flatMap(v -> v.statuses().stream())
                .flatMap(s -> s.products().stream())
                .distinct()
                .toList();
    }

    private static List<String> products(JsonNode ids, Map<String, String> names) {
        List<String> result = new ArrayList<>();
        for (JsonNode id : ids) result.add(names.getOrDefault(id.asString(), id.asString()));
        return result;
    }

    private static void collect(JsonNode branches, Map<String, String> names) {
        for (JsonNode b : branches) {
            JsonNode product = b.path("product");
            if (!product.isMissingNode())
                names.put(
                        product.path("product_id").asString(),
                        product.path("name").asString());
            collect(b.path("branches"), names);
        }
    }
}
