package org.koban.csaf;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A parsed JSON value for validation: objects are two parallel arrays (keys, values) in document order instead of
 * a hash map, because CSAF objects have a handful of members and building a map per object costs more than the
 * lookups it saves. The accessors mirror the parts of Jackson's {@code JsonNode} the validator uses, with the same
 * results, so that the verdicts do not depend on which parser built the tree. Immutable once built.
 */
final class JsonValue implements Iterable<JsonValue> {
    static final byte OBJECT = 0;
    static final byte ARRAY = 1;
    static final byte STRING = 2;
    /** An integral number (Jackson's int, long or BigInteger node). */
    static final byte INTEGER = 3;
    /** A number with a fraction or exponent (Jackson's decimal node: {@code USE_BIG_DECIMAL_FOR_FLOATS}). */
    static final byte DECIMAL = 4;

    static final byte BOOLEAN = 5;
    static final byte NULL = 6;

    private static final String[] NO_KEYS = new String[0];
    private static final JsonValue[] NO_VALUES = new JsonValue[0];
    static final JsonValue TRUE = new JsonValue(BOOLEAN, "true", null, null, 1, null);
    static final JsonValue FALSE = new JsonValue(BOOLEAN, "false", null, null, 0, null);
    static final JsonValue NULL_VALUE = new JsonValue(NULL, "null", null, null, 0, null);

    final byte kind;
    /** The string; for numbers the number's text. */
    private final String text;

    private final String[] keys;
    /** Every key is an interned String (the reader's shared keys): a literal name is found by identity alone. */
    private final boolean internedKeys;

    private final JsonValue[] values;
    /** An integral number that fits in a long. */
    private final long longValue;
    /** An integral number that does not fit in a long, or a decimal. */
    private final Number big;

    private JsonValue(byte kind, String text, String[] keys, JsonValue[] values, long longValue, Number big) {
        this(kind, text, keys, false, values, longValue, big);
    }

    private JsonValue(
            byte kind,
            String text,
            String[] keys,
            boolean internedKeys,
            JsonValue[] values,
            long longValue,
            Number big) {
        this.kind = kind;
        this.text = text;
        this.keys = keys;
        this.internedKeys = internedKeys;
        this.values = values;
        this.longValue = longValue;
        this.big = big;
    }

    static JsonValue string(String s) {
        return new JsonValue(STRING, s, null, null, 0, null);
    }

    static JsonValue object(String[] keys, JsonValue[] values) {
        return new JsonValue(OBJECT, null, keys, false, values, 0, null);
    }

    /** An object whose keys are all interned Strings. */
    static JsonValue objectWithInternedKeys(String[] keys, JsonValue[] values) {
        return new JsonValue(OBJECT, null, keys, true, values, 0, null);
    }

    static JsonValue array(JsonValue[] values) {
        return new JsonValue(ARRAY, null, null, values, 0, null);
    }

    static JsonValue integer(long value, String text) {
        return new JsonValue(INTEGER, text, null, null, value, null);
    }

    static JsonValue bigInteger(BigInteger value) {
        return new JsonValue(INTEGER, value.toString(), null, null, 0, value);
    }

    static JsonValue decimal(BigDecimal value) {
        return new JsonValue(DECIMAL, null, null, null, 0, value);
    }

    /** The same value as a Jackson tree (e.g. one built from the record model); null for a missing node. */
    static JsonValue of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            String[] k = new String[node.size()];
            JsonValue[] v = new JsonValue[node.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                k[i] = e.getKey();
                v[i++] = of(e.getValue());
            }
            return object(k, v);
        }
        if (node.isArray()) {
            JsonValue[] v = new JsonValue[node.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = of(node.get(i));
            }
            return array(v);
        }
        if (node.isString()) {
            return string(node.asString());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong()
                    ? integer(node.longValue(), node.asString())
                    : bigInteger(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return decimal(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? TRUE : FALSE;
        }
        return NULL_VALUE;
    }

    boolean isObject() {
        return kind == OBJECT;
    }

    boolean isArray() {
        return kind == ARRAY;
    }

    boolean isString() {
        return kind == STRING;
    }

    boolean isNumber() {
        return kind == INTEGER || kind == DECIMAL;
    }

    boolean isIntegralNumber() {
        return kind == INTEGER;
    }

    boolean isBoolean() {
        return kind == BOOLEAN;
    }

    boolean isNull() {
        return kind == NULL;
    }

    /** Members of an object, elements of an array, 0 otherwise (as Jackson). */
    int size() {
        return values == null ? 0 : values.length;
    }

    /** The member {@code name} of an object, or null (also for non-objects). */
    JsonValue get(String name) {
        // Parsed keys are mostly interned instances from the reader's key table, so identity with the callers'
        // literals usually decides.
        JsonValue v = byIdentity(name);
        return v != null || keys == null ? v : getByEquality(name);
    }

    /**
     * The member named {@code name}, which must be an interned String (a literal, or a name from a table of
     * literals): where all keys are interned too, a scan for the same instance decides.
     */
    JsonValue member(String name) {
        assert name == name.intern() : name + " is not interned";
        JsonValue v = byIdentity(name);
        return v != null || keys == null || internedKeys ? v : getByEquality(name);
    }

    /** The member whose key is this very String, or null (also for non-objects). */
    private JsonValue byIdentity(String name) {
        String[] k = keys;
        if (k == null) {
            return null;
        }
        for (int i = 0; i < k.length; i++) {
            if (k[i] == name) {
                return values[i];
            }
        }
        return null;
    }

    /** The cached hash codes rule out almost every other key cheaply. */
    private JsonValue getByEquality(String name) {
        String[] k = keys;
        int h = name.hashCode();
        for (int i = 0; i < k.length; i++) {
            String key = k[i];
            if (key.hashCode() == h && key.equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /**
     * The keys of an object in document order; objects that the reader found with the same keys in the same order
     * share this array (never to be modified), so it identifies the object's shape.
     */
    String[] keyArray() {
        return keys;
    }

    /**
     * Whether no two elements of this array are equal (JSON Schema's {@code uniqueItems}): pairwise for short
     * arrays (no hashing of whole subtrees), hashed beyond.
     */
    boolean hasDistinctValues() {
        int size = size();
        if (size <= 8) {
            for (int i = 1; i < size; i++) {
                JsonValue v = value(i);
                for (int j = 0; j < i; j++) {
                    if (v.equals(value(j))) {
                        return false;
                    }
                }
            }
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (!value(i).isString()) {
                Set<JsonValue> seen = new HashSet<>(size * 2);
                for (int j = 0; j < size; j++) {
                    if (!seen.add(value(j))) {
                        return false;
                    }
                }
                return true;
            }
        }
        // Only strings (lists of product ids): an open-addressing table of them, no node per element. Their hash
        // codes stay cached for the tests, which look the same ids up again.
        String[] table = new String[Integer.highestOneBit(size) << 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            String s = value(i).asString();
            int h = s.hashCode();
            int slot = (h ^ (h >>> 16)) & mask;
            for (String t = table[slot]; t != null; t = table[slot]) {
                if (t.hashCode() == h && t.equals(s)) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = s;
        }
        return true;
    }

    /** Whether the object has a member {@code name}, which must be interned (see {@link #member}). */
    boolean has(String name) {
        return member(name) != null;
    }

    /** The element {@code index} of an array, or null. */
    JsonValue get(int index) {
        return kind == ARRAY && index >= 0 && index < values.length ? values[index] : null;
    }

    /** The name of member {@code i} of an object. */
    String key(int i) {
        return keys[i];
    }

    /** Member {@code i} of an object or element {@code i} of an array. */
    JsonValue value(int i) {
        return values[i];
    }

    /** The string; the text of a number or boolean; "" for containers and null (never throws). */
    String asString() {
        if (kind == DECIMAL) {
            return big.toString(); // Jackson's text for a decimal node
        }
        return kind == OBJECT || kind == ARRAY || kind == NULL ? "" : text;
    }

    boolean asBoolean() {
        return kind == BOOLEAN && longValue != 0;
    }

    /** The exact value of a number, as Jackson's decimal/int nodes give it; zero for non-numbers. */
    BigDecimal decimalValue() {
        if (kind == DECIMAL) {
            return (BigDecimal) big;
        }
        if (kind == INTEGER) {
            return big != null ? new BigDecimal((BigInteger) big) : BigDecimal.valueOf(longValue);
        }
        return BigDecimal.ZERO;
    }

    /** The elements of an array as a read-only list, without copying. */
    List<JsonValue> elements() {
        return kind == ARRAY ? new Elements(values) : List.of();
    }

    /** A read-only view of an array's elements: one small object, no copy. */
    private static final class Elements extends AbstractList<JsonValue> implements RandomAccess {
        private final JsonValue[] values;

        Elements(JsonValue[] values) {
            this.values = values;
        }

        @Override
        public JsonValue get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** The members of an object as entries, in document order (for the rare callers that want both). */
    List<Map.Entry<String, JsonValue>> properties() {
        if (keys == null) {
            return List.of();
        }
        List<Map.Entry<String, JsonValue>> list = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]));
        }
        return list;
    }

    /** Iterates the elements of an array or the member values of an object (as Jackson). */
    @Override
    public Iterator<JsonValue> iterator() {
        JsonValue[] v = values == null ? NO_VALUES : values;
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < v.length;
            }

            @Override
            public JsonValue next() {
                if (i >= v.length) {
                    throw new NoSuchElementException();
                }
                return v[i++];
            }
        };
    }

    /**
     * Jackson's equality: objects regardless of member order, integral numbers by value, decimals by
     * {@link BigDecimal#equals} (so 1.5 and 1.50 differ), an integer never equal to a decimal.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonValue other) || other.kind != kind) {
            return false;
        }
        switch (kind) {
            case OBJECT -> {
                if (other.keys.length != keys.length) {
                    return false;
                }
                for (int i = 0; i < keys.length; i++) {
                    if (!values[i].equals(other.get(keys[i]))) {
                        return false;
                    }
                }
                return true;
            }
            case ARRAY -> {
                return Arrays.equals(values, other.values);
            }
            case STRING -> {
                return text.equals(other.text);
            }
            case INTEGER -> {
                return big == null ? other.big == null && longValue == other.longValue : big.equals(other.big);
            }
            case DECIMAL -> {
                return big.equals(other.big);
            }
            case BOOLEAN -> {
                return longValue == other.longValue;
            }
            default -> {
                return true;
            }
        }
    }

    @Override
    public int hashCode() {
        switch (kind) {
            case OBJECT -> {
                int h = 0;
                for (int i = 0; i < keys.length; i++) {
                    h += keys[i].hashCode() ^ values[i].hashCode(); // order-independent, like equals
                }
                return h;
            }
            case ARRAY -> {
                return Arrays.hashCode(values);
            }
            case STRING -> {
                return text.hashCode();
            }
            case INTEGER -> {
                return big == null ? Long.hashCode(longValue) : big.hashCode();
            }
            case DECIMAL -> {
                return big.hashCode();
            }
            default -> {
                return kind * 31 + (int) longValue;
            }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STRING -> '"' + text + '"';
            case OBJECT -> "{" + keys.length + " members}";
            case ARRAY -> "[" + values.length + " elements]";
            default -> asString();
        };
    }

    static String[] noKeys() {
        return NO_KEYS;
    }

    static JsonValue[] noValues() {
        return NO_VALUES;
    }
}
