package org.koban.csaf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the verdicts of {@link CompiledSchema} with those of the general networknt validator, and makes
 * schema-relevant mutations of valid documents so that the comparison also covers invalid input.
 */
final class SchemaEquivalence {
    private static final NetworkntSchema GENERAL = new NetworkntSchema();
    private static final SchemaCheck COMPILED = new SchemaCheck();

    private SchemaEquivalence() {}

    /** {normal valid, strict valid} according to networknt. */
    static boolean[] general(JsonNode document) {
        return new boolean[] {
            GENERAL.validate(document).isEmpty(),
            GENERAL.validateStrict(document).isEmpty()
        };
    }

    /** {normal valid, strict valid} according to the compiled schema. */
    static boolean[] compiled(JsonNode document) {
        boolean[] errors = {false, false};
        COMPILED.compiled().validate(document, new CompiledSchema.Sink() {
            @Override
            public void error(CompiledSchema.Path path, String message) {
                errors[0] = true;
            }

            @Override
            public void additional(CompiledSchema.Path path, String property) {
                errors[1] = true;
            }
        });
        // The yes-or-no fast path must say yes exactly when the reporting walk reports nothing.
        boolean passes = COMPILED.compiled().passes(JsonValue.of(document), new IdentityHashMap<>());
        if (passes != (!errors[0] && !errors[1])) {
            throw new AssertionError("the fast path says " + passes + " but the reporting walk found "
                    + (errors[0] ? "errors" : errors[1] ? "unknown properties" : "nothing"));
        }
        return new boolean[] {!errors[0], !errors[0] && !errors[1]};
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One random schema-relevant change somewhere in a deep copy of {@code document}. */
    static JsonNode mutate(JsonNode document, Random random) {
        JsonNode copy = document.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>(object.propertyNames());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(6)) {
                case 0 -> object.remove(key);
                case 1 -> object.put("x_unknown", "value");
                case 2 -> object.set(key, replacement(object.get(key), random));
                case 3 -> object.put(key, "");
                case 4 -> object.set(key, F.arrayNode());
                default -> object.put(key, random.nextInt(20) - 5);
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int i = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                case 0 -> array.remove(i);
                case 1 -> array.add(array.get(i).deepCopy());
                case 2 -> array.set(i, replacement(array.get(i), random));
                default -> array.removeAll();
            }
        }
        return copy;
    }

    private static JsonNode replacement(JsonNode old, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> F.stringNode("not-a-date");
            case 1 -> F.stringNode(old.isString() ? old.asString().toUpperCase(java.util.Locale.ROOT) : "x");
            case 2 -> F.numberNode(11.5);
            case 3 -> F.booleanNode(true);
            case 4 -> F.objectNode();
            case 5 -> F.stringNode("2024-02-30T10:00:00Z");
            default -> F.nullNode();
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            for (JsonNode child : node.values()) {
                collect(child, out);
            }
        }
    }

    static Map<String, boolean[]> both(JsonNode document) {
        return Map.of("general", general(document), "compiled", compiled(document));
    }
}
