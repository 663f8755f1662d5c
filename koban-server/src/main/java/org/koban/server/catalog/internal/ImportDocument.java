package org.koban.server.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.shared.InvalidInputException;

/**
 * A catalogue file as read, before any rule is applied: its entries keep where they came from (a JSON path
 * or a CSV row), so every problem found later names its place. Reading problems are collected here too.
 */
final class ImportDocument {

    /** Where an entry is, and how its fields are called there. */
    record Origin(String prefix, UnaryOperator<String> names) {
        String field(String name) {
            return prefix + names.apply(name);
        }
    }

    record FamilyEntry(
            Origin origin,
            String code,
            @Nullable String name,
            @Nullable String description) {}

    record ProductEntry(
            Origin origin,
            String code,
            @Nullable String name,
            @Nullable String description,
            @Nullable String line,
            @Nullable String family,
            List<VersionEntry> versions) {}

    record VersionEntry(Origin origin, ProductVersionCommand command) {}

    static final UnaryOperator<String> JSON_NAMES = UnaryOperator.identity();

    private static final Map<String, String> CSV_COLUMNS = Map.of(
            "code", "product_code",
            "name", "product_name",
            "description", "product_description",
            "releaseDate", "release_date",
            "endOfSupportDate", "end_of_support_date",
            "modelNumbers", "model_numbers");
    static final UnaryOperator<String> CSV_NAMES = name -> CSV_COLUMNS.getOrDefault(name, name);

    final List<FamilyEntry> families = new ArrayList<>();
    final List<ProductEntry> products = new ArrayList<>();
    final List<InvalidInputException.Problem> problems = new ArrayList<>();
    /** CSV names families only by code: unknown ones are created with the code as their name. */
    boolean familiesByCodeOnly;

    void reject(String where, String message) {
        problems.add(new InvalidInputException.Problem(where, message));
    }
}
