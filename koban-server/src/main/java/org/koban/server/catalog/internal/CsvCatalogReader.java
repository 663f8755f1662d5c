package org.koban.server.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.koban.server.catalog.ProductVersionCommand;

/**
 * Reads the CSV format: one row per product version (a product without versions is a row with an empty
 * version), model numbers separated by ';'. Rows are numbered as a spreadsheet shows them: the header is
 * row 1. A product's own columns must say the same on each of its rows.
 */
final class CsvCatalogReader {

    static final List<String> HEADER = List.of(
            "product_code",
            "product_name",
            "line",
            "family",
            "product_description",
            "version",
            "release_date",
            "lifecycle",
            "end_of_support_date",
            "cpe",
            "purl",
            "model_numbers");

    ImportDocument read(InputStream in) {
        var doc = new ImportDocument();
        doc.familiesByCodeOnly = true;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setTrim(false).get();
        var products = new LinkedHashMap<String, Builder>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            int row = 0;
            for (CSVRecord record : parser) {
                row++;
                if (row == 1) {
                    List<String> header = record.toList().stream()
                            .map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""))
                            .toList();
                    if (!header.equals(HEADER)) {
                        doc.reject("row 1", "must be the header " + String.join(",", HEADER));
                        return doc;
                    }
                    continue;
                }
                if (record.size() == 1 && cell(record, 0).isBlank()) continue;
                String prefix = "row " + row + ", column ";
                if (record.size() != HEADER.size()) {
                    doc.reject("row " + row, "has " + record.size() + " columns; the header has " + HEADER.size());
                    continue;
                }
                var origin = new ImportDocument.Origin(prefix, ImportDocument.CSV_NAMES);
                String code = cell(record, 0).strip();
                String key = code.toLowerCase(Locale.ROOT);
                Builder product = products.get(key);
                String[] own = {cell(record, 1), cell(record, 2), cell(record, 3), cell(record, 4)};
                if (product == null || code.isEmpty()) {
                    product = new Builder(origin, row, code, own);
                    products.put(code.isEmpty() ? "\u0000" + row : key, product);
                } else {
                    for (int i = 0; i < own.length; i++) {
                        if (!Objects.equals(normalise(own[i]), normalise(product.own[i]))) {
                            doc.reject(
                                    prefix + HEADER.get(i + 1),
                                    "differs from row " + product.row + " for product " + code);
                        }
                    }
                }
                boolean hasVersion = !cell(record, 5).isBlank();
                if (hasVersion) {
                    product.versions.add(new ImportDocument.VersionEntry(
                            origin,
                            new ProductVersionCommand(
                                    cell(record, 5),
                                    cell(record, 7),
                                    cell(record, 6),
                                    cell(record, 8),
                                    cell(record, 9),
                                    cell(record, 10),
                                    Arrays.asList(cell(record, 11).split(";")))));
                } else if (HEADER.subList(6, HEADER.size()).stream()
                        .anyMatch(c -> !cell(record, HEADER.indexOf(c)).isBlank())) {
                    doc.reject(prefix + "version", "is required when a version's columns are filled in");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CatalogInputLimit.TooLarge tooLarge) throw tooLarge;
            doc.reject("file", "is not valid CSV: " + e.getMessage());
            return doc;
        }
        if (products.isEmpty() && doc.problems.isEmpty()) doc.reject("file", "has no rows after the header");
        for (Builder b : products.values()) {
            doc.products.add(new ImportDocument.ProductEntry(
                    b.origin,
                    b.code,
                    emptyToNull(b.own[0]),
                    b.own[3],
                    emptyToNull(b.own[1]),
                    emptyToNull(b.own[2]),
                    List.copyOf(b.versions)));
        }
        return doc;
    }

    private static String normalise(String value) {
        return value.strip();
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static final class Builder {
        final ImportDocument.Origin origin;
        final int row;
        final String code;
        final String[] own;
        final List<ImportDocument.VersionEntry> versions = new ArrayList<>();

        Builder(ImportDocument.Origin origin, int row, String code, String[] own) {
            this.origin = origin;
            this.row = row;
            this.code = code;
            this.own = own;
        }
    }

    /** A cell as the user meant it: without the apostrophe that the export adds before formula characters. */
    private static String cell(CSVRecord record, int index) {
        return CsvCells.restore(record.get(index));
    }
}
