package org.koban.csaf.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for the record model: absent stays {@code null}, present becomes unmodifiable. */
final class Immutable {
    private Immutable() {}

    static <T> List<T> list(List<T> list) {
        // Collections.unmodifiableList over a copy (not List.copyOf) because JSON arrays may hold nulls.
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static Map<String, Object> extra(Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        extra.forEach((k, v) -> copy.put(k, deep(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Unknown JSON values arrive as nested maps and lists; freeze them too so the record is really immutable. */
    private static Object deep(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deep(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(v -> copy.add(deep(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
