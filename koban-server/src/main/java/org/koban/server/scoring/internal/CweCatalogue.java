package org.koban.server.scoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.koban.server.scoring.CweEntry;
import org.koban.server.scoring.CweKind;
import org.koban.server.scoring.Weaknesses;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue read from {@code standards/cwe/cwe.json} on the class path once, when the bean is made
 * (about 1,400 entries, well under a second), and then held in memory.
 */
@Service
class CweCatalogue implements Weaknesses {

    static final String RESOURCE = "standards/cwe/cwe.json";
    private static final Logger log = LoggerFactory.getLogger(CweCatalogue.class);
    private static final Pattern ID = Pattern.compile("(?i)(?:CWE-)?([0-9]{1,6})");
    private static final Pattern ID_PREFIX = Pattern.compile("(?i)(?:CWE-?)?([0-9]{0,6})");

    private record Indexed(CweEntry entry, String lowerName, String number) {}

    private final List<Indexed> entries;
    private final Map<String, CweEntry> byId;

    CweCatalogue() {
        long start = System.nanoTime();
        this.entries = load();
        Map<String, CweEntry> ids = HashMap.newHashMap(entries.size());
        entries.forEach(indexed -> ids.put(indexed.entry().id(), indexed.entry()));
        this.byId = Map.copyOf(ids);
        log.info(
                "Loaded {} CWE entries (weakness names from CWE {}) in {} ms",
                entries.size(),
                CATALOGUE_VERSION,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public Optional<CweEntry> find(String id) {
        String canonical = canonicalId(id);
        return canonical == null ? Optional.empty() : Optional.ofNullable(byId.get(canonical));
    }

    @Override
    public CweEntry requireWeakness(String id) {
        String canonical = canonicalId(id);
        if (canonical == null) {
            throw InvalidInputException.of("cwe", "must be a CWE id such as CWE-79");
        }
        CweEntry entry = byId.get(canonical);
        if (entry == null) {
            throw InvalidInputException.of(
                    "cwe", canonical + " is not in the CWE catalogue (CWE " + CATALOGUE_VERSION + ")");
        }
        if (entry.kind() != CweKind.WEAKNESS) {
            String kind = entry.kind().name().toLowerCase(Locale.ROOT);
            throw InvalidInputException.of(
                    "cwe",
                    canonical + " is a " + kind + ", not a weakness: users pick CWEs from weaknesses;"
                            + " categories and views are not for mapping");
        }
        if (!entry.mappable()) {
            throw InvalidInputException.of(
                    "cwe",
                    canonical + " is a " + entry.status().toLowerCase(Locale.ROOT)
                            + " weakness and may not be used for mapping: pick the entry MITRE points to instead");
        }
        return entry;
    }

    @Override
    public List<CweEntry> search(String text, int limit) {
        var validation = new Validation();
        validation.optional("q", text, MAX_QUERY_LENGTH);
        if (limit < 1 || limit > MAX_LIMIT) {
            validation.reject("limit", "must be between 1 and " + MAX_LIMIT);
        }
        validation.throwIfInvalid();
        String query = text.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) return List.of();

        Matcher idPrefix = ID_PREFIX.matcher(query);
        @Nullable String digits = idPrefix.matches() && !idPrefix.group(1).isEmpty() ? idPrefix.group(1) : null;
        String[] words = query.split("\\s+");

        record Hit(CweEntry entry, int rank) {}
        List<Hit> hits = new ArrayList<>();
        for (Indexed indexed : entries) {
            int rank = rank(indexed, query, digits, words);
            if (rank >= 0) hits.add(new Hit(indexed.entry(), rank));
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Hit::rank)
                        .thenComparing(hit -> !hit.entry().mappable())
                        .thenComparingInt(hit -> hit.entry().number()))
                .limit(limit)
                .map(Hit::entry)
                .toList();
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** 0 exact id, 1 id prefix, 2 name starts with the text, 3 name contains it, 4 name has every word; -1 none. */
    private static int rank(Indexed indexed, String query, @Nullable String digits, String[] words) {
        if (digits != null) {
            if (indexed.number().equals(digits)) return 0;
            if (indexed.number().startsWith(digits)) return 1;
        }
        if (indexed.lowerName().startsWith(query)) return 2;
        if (indexed.lowerName().contains(query)) return 3;
        for (String word : words) {
            if (!indexed.lowerName().contains(word)) return -1;
        }
        return 4;
    }

    private static @Nullable String canonicalId(@Nullable String id) {
        if (id == null) return null;
        Matcher matcher = ID.matcher(id.strip());
        if (!matcher.matches()) return null;
        return "CWE-" + Integer.parseInt(matcher.group(1));
    }

    private static List<Indexed> load() {
        InputStream in = CweCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("The CWE catalogue " + RESOURCE + " is not on the class path");
        JsonNode root;
        try (in) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the CWE catalogue " + RESOURCE, e);
        }
        List<Indexed> loaded = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            String id = node.required("id").asString();
            String name = node.required("name").asString();
            CweKind kind = CweKind.valueOf(node.required("kind").asString().toUpperCase(Locale.ROOT));
            String status = node.required("status").asString();
            boolean mappable = kind == CweKind.WEAKNESS && !status.equals("Deprecated") && !status.equals("Obsolete");
            CweEntry entry = new CweEntry(
                    id, name, kind, optional(node, "abstraction"), status, optional(node, "description"), mappable);
            loaded.add(new Indexed(entry, name.toLowerCase(Locale.ROOT), id.substring("CWE-".length())));
        }
        return List.copyOf(loaded);
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
