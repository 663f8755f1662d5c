package org.koban.server.catalog.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.koban.server.catalog.ProductVersionCommand;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON format ({@code "format": "koban-catalog", "formatVersion": 1}) entry by entry: only one
 * product's tree is held at a time, and every problem is reported with its JSON path.
 */
final class JsonCatalogReader {

    static final String FORMAT = "koban-catalog";
    static final int FORMAT_VERSION = 1;
    private static final Set<String> FAMILY_FIELDS = Set.of("code", "name", "description");
    private static final Set<String> PRODUCT_FIELDS =
            Set.of("code", "name", "line", "family", "description", "versions");
    private static final Set<String> VERSION_FIELDS =
            Set.of("version", "releaseDate", "lifecycle", "endOfSupportDate", "cpe", "purl", "modelNumbers");

    private final JsonMapper mapper;

    JsonCatalogReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ImportDocument read(InputStream in) {
        var doc = new ImportDocument();
        boolean sawFormat = false;
        boolean sawVersion = false;
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                doc.reject("$", "must be a JSON object with format, formatVersion, families and products");
                return doc;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format" -> {
                        sawFormat = true;
                        if (value != JsonToken.VALUE_STRING || !FORMAT.equals(p.getString())) {
                            doc.reject("format", "must be \"" + FORMAT + "\"");
                        }
                    }
                    case "formatVersion" -> {
                        sawVersion = true;
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != FORMAT_VERSION) {
                            doc.reject("formatVersion", "must be " + FORMAT_VERSION);
                        }
                    }
                    case "families" -> readArray(p, doc, "families", this::family);
                    case "products" -> readArray(p, doc, "products", this::product);
                    default -> {
                        doc.reject(name, "is not a known field");
                        p.skipChildren();
                    }
                }
            }
        } catch (JacksonException e) {
            var at = e.getLocation();
            doc.reject(
                    at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "is not valid JSON: " + e.getOriginalMessage());
            return doc;
        }
        if (!sawFormat) doc.reject("format", "is required (\"" + FORMAT + "\")");
        if (!sawVersion) doc.reject("formatVersion", "is required (" + FORMAT_VERSION + ")");
        return doc;
    }

    private interface EntryReader {
        void read(ImportDocument doc, String path, JsonNode node);
    }

    private static void readArray(JsonParser p, ImportDocument doc, String field, EntryReader reader) {
        if (p.currentToken() == JsonToken.VALUE_NULL) return;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            doc.reject(field, "must be an array");
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = p.readValueAsTree();
            String path = field + "[" + index++ + "]";
            if (!node.isObject()) {
                doc.reject(path, "must be an object");
            } else {
                reader.read(doc, path, node);
            }
        }
    }

    private void family(ImportDocument doc, String path, JsonNode node) {
        unknownFields(doc, path, node, FAMILY_FIELDS);
        var origin = new ImportDocument.Origin(path + ".", ImportDocument.JSON_NAMES);
        doc.families.add(new ImportDocument.FamilyEntry(
                origin,
                CatalogRules.strip(text(doc, node, path, "code")),
                text(doc, node, path, "name"),
                text(doc, node, path, "description")));
    }

    private void product(ImportDocument doc, String path, JsonNode node) {
        unknownFields(doc, path, node, PRODUCT_FIELDS);
        var versions = new ArrayList<ImportDocument.VersionEntry>();
        JsonNode list = node.get("versions");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                doc.reject(path + ".versions", "must be an array");
            } else {
                int i = 0;
                for (JsonNode v : list.values()) {
                    String at = path + ".versions[" + i++ + "]";
                    if (!v.isObject()) {
                        doc.reject(at, "must be an object");
                        continue;
                    }
                    unknownFields(doc, at, v, VERSION_FIELDS);
                    versions.add(new ImportDocument.VersionEntry(
                            new ImportDocument.Origin(at + ".", ImportDocument.JSON_NAMES),
                            new ProductVersionCommand(
                                    text(doc, v, at, "version"),
                                    text(doc, v, at, "lifecycle"),
                                    text(doc, v, at, "releaseDate"),
                                    text(doc, v, at, "endOfSupportDate"),
                                    text(doc, v, at, "cpe"),
                                    text(doc, v, at, "purl"),
                                    strings(doc, v, at, "modelNumbers"))));
                }
            }
        }
        doc.products.add(new ImportDocument.ProductEntry(
                new ImportDocument.Origin(path + ".", ImportDocument.JSON_NAMES),
                CatalogRules.strip(text(doc, node, path, "code")),
                text(doc, node, path, "name"),
                text(doc, node, path, "description"),
                text(doc, node, path, "line"),
                text(doc, node, path, "family"),
                List.copyOf(versions)));
    }

    private static void unknownFields(ImportDocument doc, String path, JsonNode node, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) doc.reject(path + "." + name, "is not a known field");
        }
    }

    private static @Nullable String text(ImportDocument doc, JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isString()) {
            doc.reject(path + "." + field, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    private static @Nullable List<String> strings(ImportDocument doc, JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) {
            doc.reject(path + "." + field, "must be an array of strings");
            return null;
        }
        var result = new ArrayList<String>();
        int i = 0;
        for (JsonNode item : value.values()) {
            if (item.isString()) {
                result.add(item.stringValue());
            } else {
                doc.reject(path + "." + field + "[" + i + "]", "must be a string");
            }
            i++;
        }
        return result;
    }
}
