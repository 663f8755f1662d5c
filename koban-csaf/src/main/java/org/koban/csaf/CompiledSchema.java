package org.koban.csaf;

import com.networknt.schema.format.DateTimeFormat;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.UriFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The CSAF 2.0 schema and the FIRST CVSS schemas compiled once into a tree of checks, evaluated in one pass over
 * the parsed document. It implements exactly the keywords these schemas use (type, properties, required,
 * additionalProperties, items, minItems, uniqueItems, minProperties, maxProperties, minLength, pattern, format
 * date-time and uri, enum, minimum, maximum, oneOf, $ref) and refuses to compile a schema with any other
 * assertion keyword, so a schema change cannot be silently ignored. The same pass also finds the properties the
 * strict schema (test 6.2.20: {@code additionalProperties: false} wherever a schema lists properties) would
 * reject. Format checks reuse the general schema library's own implementations.
 *
 * <p>{@code CompiledSchemaUnitTest} shows that its verdicts equal those of networknt's general validator on all
 * official data and on mutated documents. Immutable after construction; thread-safe.
 */
final class CompiledSchema {
    private static final Set<String> ANNOTATIONS = Set.of(
            "$schema",
            "$id",
            "id",
            "title",
            "description",
            "examples",
            "default",
            "$defs",
            "definitions",
            "license",
            "$comment");
    private static final Format DATE_TIME = new DateTimeFormat();
    private static final Format URI = new UriFormat();

    /** Receives findings; paths are built only when something is reported. */
    interface Sink {
        void error(Path path, String message);

        void additional(Path path, String property);

        /**
         * {@code value} was validated against the named schema {@code name} without any error (a fact about the
         * value, whatever the sink): a later validation against that schema would report nothing.
         */
        default void clean(String name, JsonValue value) {}
    }

    /** A JSON pointer built lazily from its parent. */
    record Path(Path parent, String key, int index) {
        static final Path ROOT = new Path(null, null, -1);

        Path child(String k) {
            return new Path(this, k, -1);
        }

        Path child(int i) {
            return new Path(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            return parent + "/" + (key != null ? key.replace("~", "~0").replace("/", "~1") : Integer.toString(index));
        }
    }

    static final int STRING = 1;
    static final int OBJECT = 2;
    static final int ARRAY = 4;
    static final int NUMBER = 8;
    static final int INTEGER = 16;
    static final int BOOLEAN = 32;
    static final int NULL = 64;

    /** One compiled (sub)schema. */
    static final class Node {
        int types;
        String typeText;
        Map<String, Node> properties;
        String[] propertyNames = new String[0];
        Node[] propertyNodes = new Node[0];
        List<String> required = List.of();
        Boolean additionalProperties;
        Node items;
        int minItems = -1;
        boolean uniqueItems;
        int minProperties = -1;
        int maxProperties = -1;
        int minLength = -1;
        Pattern pattern;
        String patternText;
        /** A hand check equal to {@code pattern} on the strings it answers for ({@link FastChecks}). */
        int fastPattern;

        Format format;
        /** The enum's strings: at most a dozen in these schemas. */
        String[] stringEnum;
        /**
         * For each {@link #enumSlot} value: 1 + the index of the only enum string there, 0 for none, -1 for several
         * (then a scan). A category is then one comparison instead of up to a dozen, without hashing the fresh
         * string.
         */
        byte[] enumSlots;

        List<JsonValue> otherEnum;
        BigDecimal minimum;
        BigDecimal maximum;
        Node[] oneOf;
        Node ref;

        /** Set on the roots of the named schemas (the CVSS versions). */
        String name;

        /**
         * Only string keywords (type string, minLength, pattern, format, an enum of strings): the most common
         * schema of a value, checked in place by the walk that meets it.
         */
        boolean stringLeaf;

        boolean isStringLeaf() {
            return types == STRING && ref == null && otherEnum == null && oneOf == null && name == null;
        }

        /** What {@link #passes} answers for a string-leaf schema, without the call. */
        private boolean stringLeafPasses(JsonValue value) {
            if (value.kind != JsonValue.STRING) {
                return false;
            }
            String s = value.asString();
            if (minLength > 0 && (minLength == 1 ? s.isEmpty() : s.codePointCount(0, s.length()) < minLength)) {
                return false;
            }
            if ((pattern != null && !matchesPattern(s)) || (format != null && !matchesFormat(s))) {
                return false;
            }
            return stringEnum == null || inEnum(value);
        }

        /** Only a {@code $ref}: no other keyword, no name. */
        boolean isAlias() {
            return ref != null
                    && types == 0
                    && properties == null
                    && required.isEmpty()
                    && additionalProperties == null
                    && items == null
                    && minItems < 0
                    && !uniqueItems
                    && minProperties < 0
                    && maxProperties < 0
                    && minLength < 0
                    && pattern == null
                    && format == null
                    && stringEnum == null
                    && otherEnum == null
                    && minimum == null
                    && maximum == null
                    && oneOf == null
                    && name == null;
        }

        void validate(JsonValue value, Path path, Sink sink) {
            if (name != null) {
                Counting counting = new Counting(sink);
                validateBody(value, path, counting);
                if (counting.errors == 0) {
                    sink.clean(name, value);
                }
            } else {
                validateBody(value, path, sink);
            }
        }

        /**
         * Whether {@link #validate} would report nothing at all (no error, no unknown property), decided without
         * building paths or messages and stopping at the first problem. Records the named schemas passed, as
         * {@link Sink#clean} would.
         */
        boolean passes(JsonValue value, Map<JsonValue, Set<String>> named) {
            return passes(value, named, false);
        }

        /**
         * With {@code additionalOk}: whether {@link #validate} would report no error (unknown properties allowed),
         * which is how oneOf counts its matching alternatives.
         */
        private boolean passes(JsonValue value, Map<JsonValue, Set<String>> named, boolean additionalOk) {
            if (!passesBody(value, named, additionalOk)) {
                return false;
            }
            if (name != null) {
                named.computeIfAbsent(value, v -> new HashSet<>(2)).add(name);
            }
            return true;
        }

        private boolean passesBody(JsonValue value, Map<JsonValue, Set<String>> named, boolean additionalOk) {
            if (ref != null && !ref.passes(value, named, additionalOk)) {
                return false;
            }
            if (types != 0 && !hasType(value)) {
                return false;
            }
            switch (value.kind) {
                case JsonValue.OBJECT -> {
                    if (!objectPasses(value, named, additionalOk)) {
                        return false;
                    }
                }
                case JsonValue.ARRAY -> {
                    int size = value.size();
                    if (minItems >= 0 && size < minItems) {
                        return false;
                    }
                    if (uniqueItems && size > 1 && !value.hasDistinctValues()) {
                        return false;
                    }
                    if (items != null) {
                        Node item = items;
                        for (int i = 0; i < size; i++) {
                            JsonValue v = value.value(i);
                            if (item.stringLeaf ? !item.stringLeafPasses(v) : !item.passes(v, named, additionalOk)) {
                                return false;
                            }
                        }
                    }
                }
                case JsonValue.STRING -> {
                    String s = value.asString();
                    if ((minLength >= 0 && s.codePointCount(0, s.length()) < minLength)
                            || (pattern != null && !matchesPattern(s))
                            || (format != null && !matchesFormat(s))) {
                        return false;
                    }
                }
                case JsonValue.INTEGER, JsonValue.DECIMAL -> {
                    if (minimum != null || maximum != null) {
                        BigDecimal d = value.decimalValue();
                        if ((minimum != null && d.compareTo(minimum) < 0)
                                || (maximum != null && d.compareTo(maximum) > 0)) {
                            return false;
                        }
                    }
                }
                default -> {}
            }
            if (stringEnum != null || otherEnum != null) {
                if (!inEnum(value)) {
                    return false;
                }
            }
            if (oneOf != null) {
                // As validateOneOf: exactly one alternative without errors, and then its unknown properties count.
                Node match = null;
                int matches = 0;
                for (Node alternative : oneOf) {
                    if (alternative.passes(value, named, true)) {
                        matches++;
                        match = alternative;
                    }
                }
                return matches == 1 && (additionalOk || match.passes(value, named, false));
            }
            return true;
        }

        /** The enum keyword: a listed string, or a listed other value (numbers compared by value). */
        private boolean inEnum(JsonValue value) {
            if (value.isString() && stringEnum != null) {
                if (containsString(stringEnum, enumSlots, value.asString())) {
                    return true;
                }
            }
            if (otherEnum != null) {
                for (JsonValue e : otherEnum) {
                    if (e.equals(value)
                            || (e.isNumber()
                                    && value.isNumber()
                                    && e.decimalValue().compareTo(value.decimalValue()) == 0)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean objectPasses(JsonValue value, Map<JsonValue, Set<String>> named, boolean additionalOk) {
            int size = value.size();
            if ((minProperties >= 0 && size < minProperties) || (maxProperties >= 0 && size > maxProperties)) {
                return false;
            }
            KeySchemas known = keySchemas(value.keyArray());
            if (!known.hasRequired()) {
                return false;
            }
            if (properties != null || additionalProperties != null) {
                Node[] members = known.members();
                for (int i = 0; i < size; i++) {
                    Node p = members[i];
                    if (p == null) {
                        // An unknown property: an error where the schema forbids it, otherwise a strict-schema
                        // finding (allowed only when counting errors alone).
                        if (!Boolean.TRUE.equals(additionalProperties)
                                && (!additionalOk || Boolean.FALSE.equals(additionalProperties))) {
                            return false;
                        }
                    } else if (p.stringLeaf
                            ? !p.stringLeafPasses(value.value(i))
                            : !p.passes(value.value(i), named, additionalOk)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * What the keys of an object tell this schema: each member's property schema (null for an unknown member)
         * and whether every required name is among them. Objects of one kind share their key array, so the answer
         * for the last sixteen arrays seen is kept. Shared by threads: a {@link KeySchemas} is immutable, and a lost
         * update only costs working it out again.
         */
        private record KeySchemas(String[] keys, Node[] members, boolean hasRequired) {}

        /**
         * The key arrays last seen, replaced in turn: enough for the few kinds of object one schema meets (the reader
         * keeps key arrays per place in the document, and per thread) without evicting each other.
         */
        private final KeySchemas[] keySchemas = new KeySchemas[16];

        private int nextKeySchemas;

        private KeySchemas keySchemas(String[] keys) {
            KeySchemas[] seen = keySchemas;
            for (int i = 0; i < seen.length; i++) {
                KeySchemas known = seen[i];
                if (known != null && known.keys() == keys) {
                    return known;
                }
            }
            Node[] members = new Node[keys.length];
            if (properties != null) {
                for (int i = 0; i < keys.length; i++) {
                    members[i] = property(keys[i]);
                }
            }
            boolean hasRequired = true;
            for (String r : required) {
                hasRequired &= Arrays.asList(keys).contains(r);
            }
            KeySchemas known = new KeySchemas(keys, members, hasRequired);
            int i = nextKeySchemas;
            seen[i & (seen.length - 1)] = known;
            nextKeySchemas = i + 1;
            return known;
        }

        private void validateBody(JsonValue value, Path path, Sink sink) {
            if (ref != null) {
                ref.validate(value, path, sink);
            }
            if (types != 0 && !hasType(value)) {
                sink.error(path, "must be of type " + typeText);
                return; // the other keywords would only repeat the type error
            }
            if (value.isObject()) {
                validateObject(value, path, sink);
            } else if (value.isArray()) {
                if (minItems >= 0 && value.size() < minItems) {
                    sink.error(path, "must have at least " + minItems + " items");
                }
                if (uniqueItems && value.size() > 1 && !value.hasDistinctValues()) {
                    sink.error(path, "must have unique items");
                }
                if (items != null) {
                    for (int i = 0; i < value.size(); i++) {
                        items.validate(value.get(i), path.child(i), sink);
                    }
                }
            } else if (value.isString()) {
                String s = value.asString();
                if (minLength >= 0 && s.codePointCount(0, s.length()) < minLength) {
                    sink.error(path, "must be at least " + minLength + " characters long");
                }
                if (pattern != null && !matchesPattern(s)) {
                    sink.error(path, "does not match the pattern " + patternText);
                }
                if (format != null && !matchesFormat(s)) {
                    sink.error(path, "is not a valid " + format.getName());
                }
            } else if (value.isNumber()) {
                BigDecimal d = minimum != null || maximum != null ? value.decimalValue() : null;
                if (minimum != null && d.compareTo(minimum) < 0) {
                    sink.error(path, "must be at least " + minimum.toPlainString());
                }
                if (maximum != null && d.compareTo(maximum) > 0) {
                    sink.error(path, "must be at most " + maximum.toPlainString());
                }
            }
            if (stringEnum != null || otherEnum != null) {
                if (!inEnum(value)) {
                    sink.error(path, "is not one of the allowed values");
                }
            }
            if (oneOf != null) {
                validateOneOf(value, path, sink);
            }
        }

        /**
         * The schema of property {@code key}. The names are interned, like the keys the reader shares, so an
         * identity scan over a few names usually answers before any hashing.
         */
        private Node property(String key) {
            String[] names = propertyNames;
            for (int i = 0; i < names.length; i++) {
                if (names[i] == key) {
                    return propertyNodes[i];
                }
            }
            return properties.get(key);
        }

        private boolean matchesPattern(String s) {
            int fast = fastPattern == FastChecks.P_NONE ? FastChecks.UNKNOWN : FastChecks.pattern(fastPattern, s);
            return fast == FastChecks.UNKNOWN ? pattern.matcher(s).find() : fast == FastChecks.YES;
        }

        private boolean matchesFormat(String s) {
            if (format == DATE_TIME ? FastChecks.surelyDateTime(s) : FastChecks.surelyUri(s)) {
                return true;
            }
            return format.matches(null, s);
        }

        private void validateObject(JsonValue value, Path path, Sink sink) {
            int size = value.size();
            if (minProperties >= 0 && size < minProperties) {
                sink.error(path, "must have at least " + minProperties + " properties");
            }
            if (maxProperties >= 0 && size > maxProperties) {
                sink.error(path, "must have at most " + maxProperties + " properties");
            }
            for (String r : required) {
                if (!value.has(r)) {
                    sink.error(path, "required property '" + r + "' is missing");
                }
            }
            if (properties != null || additionalProperties != null) {
                for (int i = 0; i < size; i++) {
                    String key = value.key(i);
                    Node p = properties == null ? null : property(key);
                    if (p != null) {
                        p.validate(value.value(i), path.child(key), sink);
                    } else if (Boolean.FALSE.equals(additionalProperties)) {
                        sink.error(path.child(key), "property '" + key + "' is not allowed");
                    } else if (additionalProperties == null) {
                        sink.additional(path.child(key), key);
                    }
                }
            }
        }

        private void validateOneOf(JsonValue value, Path path, Sink sink) {
            int matches = 0;
            Collecting match = null;
            for (Node alternative : oneOf) {
                Collecting c = new Collecting(sink);
                alternative.validate(value, path, c);
                if (c.errors.isEmpty()) {
                    matches++;
                    match = c;
                }
            }
            if (matches == 1) {
                for (Object[] a : match.additional) {
                    sink.additional((Path) a[0], (String) a[1]);
                }
            } else {
                sink.error(path, "must match exactly one schema of oneOf, matches " + matches);
            }
        }

        /** The JSON value kinds ({@code 1 << JsonValue.kind}) that {@link #types} surely admits. */
        int kinds;

        private boolean hasType(JsonValue v) {
            return admits(types, kinds, v);
        }

        static boolean admits(int types, int kinds, JsonValue v) {
            if ((kinds & (1 << v.kind)) != 0) {
                return true;
            }
            return (types & INTEGER) != 0 && v.kind == JsonValue.DECIMAL && isInteger(v);
        }

        /** The kinds each type admits outright (a decimal with an integral value is decided by hasType). */
        static int kindsOf(int types) {
            int k = 0;
            if ((types & STRING) != 0) {
                k |= 1 << JsonValue.STRING;
            }
            if ((types & OBJECT) != 0) {
                k |= 1 << JsonValue.OBJECT;
            }
            if ((types & ARRAY) != 0) {
                k |= 1 << JsonValue.ARRAY;
            }
            if ((types & NUMBER) != 0) {
                k |= (1 << JsonValue.INTEGER) | (1 << JsonValue.DECIMAL);
            }
            if ((types & INTEGER) != 0) {
                k |= 1 << JsonValue.INTEGER;
            }
            if ((types & BOOLEAN) != 0) {
                k |= 1 << JsonValue.BOOLEAN;
            }
            if ((types & NULL) != 0) {
                k |= 1 << JsonValue.NULL;
            }
            return k;
        }

        /** The type keyword as JSON Schema defines it, which {@link #admits} must equal (a unit test shows it). */
        static boolean admitsByDefinition(int types, JsonValue v) {
            return ((types & STRING) != 0 && v.isString())
                    || ((types & OBJECT) != 0 && v.isObject())
                    || ((types & ARRAY) != 0 && v.isArray())
                    || ((types & NUMBER) != 0 && v.isNumber())
                    || ((types & INTEGER) != 0 && v.isNumber() && isInteger(v))
                    || ((types & BOOLEAN) != 0 && v.isBoolean())
                    || ((types & NULL) != 0 && v.isNull());
        }

        private static boolean isInteger(JsonValue v) {
            return v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0;
        }
    }

    /** Records findings for a oneOf alternative. */
    private static final class Collecting implements Sink {
        final List<String> errors = new ArrayList<>(2);
        final List<Object[]> additional = new ArrayList<>(0);
        private final Sink outer;

        Collecting(Sink outer) {
            this.outer = outer;
        }

        @Override
        public void clean(String name, JsonValue value) {
            outer.clean(name, value);
        }

        @Override
        public void error(Path path, String message) {
            errors.add(message);
        }

        @Override
        public void additional(Path path, String property) {
            additional.add(new Object[] {path, property});
        }
    }

    /** Forwards findings and counts the errors. */
    private static final class Counting implements Sink {
        private final Sink outer;
        int errors;

        Counting(Sink outer) {
            this.outer = outer;
        }

        @Override
        public void error(Path path, String message) {
            errors++;
            outer.error(path, message);
        }

        @Override
        public void additional(Path path, String property) {
            outer.additional(path, property);
        }

        @Override
        public void clean(String name, JsonValue value) {
            outer.clean(name, value);
        }
    }

    private final Map<String, JsonNode> documents;
    private final Map<String, Node> compiled = new HashMap<>();
    private final Node root;
    private final Map<String, Node> cvss = new LinkedHashMap<>();

    /**
     * @param documents schema documents by their id (without any {@code ?date} query)
     * @param rootId the id of the schema to compile
     */
    CompiledSchema(Map<String, JsonNode> documents, String rootId, Map<String, String> named) {
        this.documents = documents;
        this.root = resolve(rootId, "");
        named.forEach((name, id) -> {
            Node node = resolve(id, "");
            node.name = name;
            cvss.put(name, node);
        });
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        skipAliases(root, seen);
        cvss.values().forEach(n -> skipAliases(n, seen));
    }

    /**
     * Points every reference to a node that is only a {@code $ref} (most properties: {@code {"$ref":
     * "#/$defs/..."}}) at its target instead, so that each value is checked with one call less. Such a node adds
     * nothing to the check or to its findings.
     */
    private static void skipAliases(Node node, Set<Node> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        node.stringLeaf = node.isStringLeaf();
        if (node.ref != null) {
            node.ref = target(node.ref);
            skipAliases(node.ref, seen);
        }
        if (node.properties != null) {
            node.properties.replaceAll((k, v) -> target(v));
            for (int i = 0; i < node.propertyNodes.length; i++) {
                node.propertyNodes[i] = node.properties.get(node.propertyNames[i]);
                skipAliases(node.propertyNodes[i], seen);
            }
        }
        if (node.items != null) {
            node.items = target(node.items);
            skipAliases(node.items, seen);
        }
        if (node.oneOf != null) {
            for (int i = 0; i < node.oneOf.length; i++) {
                node.oneOf[i] = target(node.oneOf[i]);
                skipAliases(node.oneOf[i], seen);
            }
        }
    }

    /** Mixes the length and three characters of a non-empty string into 0..63; the CSAF and CVSS enums collide once. */
    static int enumSlot(String s) {
        int n = s.length();
        return (n + 3 * s.charAt(0) + 5 * s.charAt(n - 1) + s.charAt(n >> 1)) & 63;
    }

    /** Whether {@code strings}, with its {@code slots} from {@link #enumSlots}, contains {@code s}. */
    static boolean containsString(String[] strings, byte[] slots, String s) {
        int k = s.isEmpty() ? -1 : slots[enumSlot(s)];
        if (k >= 0) {
            return k > 0 && strings[k - 1].equals(s);
        }
        for (String e : strings) {
            if (e.equals(s)) {
                return true;
            }
        }
        return false;
    }

    static byte[] enumSlots(String[] strings) {
        if (strings == null) {
            return null;
        }
        byte[] slots = new byte[64];
        for (int i = 0; i < strings.length; i++) {
            if (strings[i].isEmpty()) {
                continue; // an empty value is always scanned for
            }
            int slot = enumSlot(strings[i]);
            slots[slot] = slots[slot] == 0 ? (byte) (i + 1) : -1;
        }
        return slots;
    }

    private static String[] append(String[] all, String one) {
        String[] more = Arrays.copyOf(all, all.length + 1);
        more[all.length] = one;
        return more;
    }

    private static Node target(Node node) {
        for (int hops = 0; node.isAlias() && hops < 100; hops++) {
            node = node.ref;
        }
        return node;
    }

    void validate(JsonValue document, Sink sink) {
        root.validate(document, Path.ROOT, sink);
    }

    /**
     * Whether {@link #validate(JsonValue, Sink)} would report nothing: the fast path for clean documents, which
     * are then not walked again. {@code named} receives what {@link Sink#clean} would.
     */
    boolean passes(JsonValue document, Map<JsonValue, Set<String>> named) {
        return root.passes(document, named);
    }

    /** The same for a Jackson tree (converted first). */
    void validate(JsonNode document, Sink sink) {
        validate(JsonValue.of(document), sink);
    }

    /** Validates against one of the named schemas (e.g. "3.1" → FIRST CVSS v3.1); false if no such name. */
    boolean validateNamed(String name, JsonValue value, Path path, Sink sink) {
        Node node = cvss.get(name);
        if (node == null) {
            return false;
        }
        node.validate(value, path, sink);
        return true;
    }

    private Node resolve(String documentId, String pointer) {
        String key = documentId + "#" + pointer;
        Node node = compiled.get(key);
        if (node != null) {
            return node;
        }
        JsonNode schema = documents.get(documentId);
        if (schema == null) {
            throw new IllegalStateException("unknown schema " + documentId);
        }
        JsonNode target = pointer.isEmpty() ? schema : schema.at(pointer);
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolvable $ref " + key);
        }
        node = new Node();
        compiled.put(key, node); // before compiling: branches_t refers to itself
        compile(target, node, documentId);
        return node;
    }

    private void compile(JsonNode schema, Node node, String documentId) {
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "type" -> {
                    List<String> names = new ArrayList<>();
                    if (v.isArray()) {
                        v.forEach(t -> names.add(t.asString()));
                    } else {
                        names.add(v.asString());
                    }
                    for (String t : names) {
                        node.types |= switch (t) {
                            case "string" -> STRING;
                            case "object" -> OBJECT;
                            case "array" -> ARRAY;
                            case "number" -> NUMBER;
                            case "integer" -> INTEGER;
                            case "boolean" -> BOOLEAN;
                            case "null" -> NULL;
                            default -> throw new IllegalStateException("unknown type " + t);
                        };
                    }
                    node.typeText = String.join(" or ", names);
                    node.kinds = Node.kindsOf(node.types);
                }
                case "properties" -> {
                    node.properties = new HashMap<>();
                    for (Map.Entry<String, JsonNode> p : v.properties()) {
                        Node child = new Node();
                        compile(p.getValue(), child, documentId);
                        node.properties.put(p.getKey().intern(), child);
                    }
                    node.propertyNames = node.properties.keySet().toArray(new String[0]);
                    node.propertyNodes = new Node[node.propertyNames.length];
                    for (int i = 0; i < node.propertyNames.length; i++) {
                        node.propertyNodes[i] = node.properties.get(node.propertyNames[i]);
                    }
                }
                case "required" -> {
                    List<String> r = new ArrayList<>();
                    v.forEach(x -> r.add(x.asString().intern())); // interned like the reader's keys
                    node.required = List.copyOf(r);
                }
                case "additionalProperties" -> {
                    if (!v.isBoolean()) {
                        throw new IllegalStateException("additionalProperties must be a boolean here");
                    }
                    node.additionalProperties = v.asBoolean();
                }
                case "items" -> {
                    node.items = new Node();
                    compile(v, node.items, documentId);
                }
                case "minItems" -> node.minItems = v.asInt();
                case "uniqueItems" -> node.uniqueItems = v.asBoolean();
                case "minProperties" -> node.minProperties = v.asInt();
                case "maxProperties" -> node.maxProperties = v.asInt();
                case "minLength" -> node.minLength = v.asInt();
                case "pattern" -> {
                    node.patternText = v.asString();
                    node.pattern = Pattern.compile(v.asString());
                    node.fastPattern = FastChecks.patternCode(v.asString());
                }
                case "format" ->
                    node.format = switch (v.asString()) {
                        case "date-time" -> DATE_TIME;
                        case "uri" -> URI;
                        default -> throw new IllegalStateException("unsupported format " + v.asString());
                    };
                case "enum" -> {
                    for (JsonNode x : v) {
                        if (x.isString()) {
                            node.stringEnum = node.stringEnum == null
                                    ? new String[] {x.asString()}
                                    : append(node.stringEnum, x.asString());
                        } else {
                            if (node.otherEnum == null) {
                                node.otherEnum = new ArrayList<>();
                            }
                            node.otherEnum.add(JsonValue.of(x));
                        }
                    }
                    node.enumSlots = enumSlots(node.stringEnum);
                }
                case "minimum" -> node.minimum = v.decimalValue();
                case "maximum" -> node.maximum = v.decimalValue();
                case "oneOf" -> {
                    node.oneOf = new Node[v.size()];
                    for (int i = 0; i < v.size(); i++) {
                        node.oneOf[i] = new Node();
                        compile(v.get(i), node.oneOf[i], documentId);
                    }
                }
                case "$ref" -> {
                    String ref = v.asString();
                    int hash = ref.indexOf('#');
                    String doc = hash == 0 ? documentId : (hash < 0 ? ref : ref.substring(0, hash));
                    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
                    node.ref = resolve(doc, pointer);
                }
                default -> {
                    if (!ANNOTATIONS.contains(e.getKey())) {
                        throw new IllegalStateException("unsupported schema keyword " + e.getKey());
                    }
                }
            }
        }
    }
}
