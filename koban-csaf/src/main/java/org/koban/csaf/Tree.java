package org.koban.csaf;

import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant accessors over a parsed JSON tree: a test must never throw on a schema-invalid document. Field names
 * must be interned (literals, or names taken from tables of literals).
 */
final class Tree {
    private Tree() {}

    /** The string at {@code field}, or null if absent or not a string. */
    static String str(JsonValue node, String field) {
        JsonValue v = node == null ? null : node.member(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The object at {@code field}, or null. */
    static JsonValue obj(JsonValue node, String field) {
        JsonValue v = node == null ? null : node.member(field);
        return v != null && v.isObject() ? v : null;
    }

    /** The array elements at {@code field}, or an empty list. */
    static List<JsonValue> arr(JsonValue node, String field) {
        JsonValue v = node == null ? null : node.member(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        return v.elements();
    }

    /** The string elements at {@code field} with their indexes (non-strings skipped). */
    static List<Indexed> strings(JsonValue node, String field) {
        JsonValue v = node == null ? null : node.member(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<Indexed> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isString()) {
                items.add(new Indexed(i, v.get(i).asString()));
            }
        }
        return items;
    }

    record Indexed(int index, String value) {}
}
