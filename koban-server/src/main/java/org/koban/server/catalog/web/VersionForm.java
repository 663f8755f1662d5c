package org.koban.server.catalog.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.catalog.ProductVersionView;

/** The version form as typed: model numbers one per line, dates and lifecycle as text. */
record VersionForm(
        @Nullable String version,
        @Nullable String lifecycle,
        @Nullable String releaseDate,
        @Nullable String endOfSupportDate,
        @Nullable String cpe,
        @Nullable String purl,
        @Nullable String modelNumbers) {

    static VersionForm empty() {
        return new VersionForm("", "IN_DEVELOPMENT", "", "", "", "", "");
    }

    static VersionForm of(ProductVersionView v) {
        return new VersionForm(
                v.version(),
                v.lifecycle().name(),
                v.releaseDate() == null ? "" : v.releaseDate().toString(),
                v.endOfSupportDate() == null ? "" : v.endOfSupportDate().toString(),
                v.cpe() == null ? "" : v.cpe(),
                v.purl() == null ? "" : v.purl(),
                String.join("\n", v.modelNumbers()));
    }

    ProductVersionCommand command() {
        var models = modelNumbers == null
                ? java.util.List.<String>of()
                : Arrays.stream(modelNumbers.split("[\\r\\n]+"))
                        .map(String::strip)
                        .filter(m -> !m.isEmpty())
                        .toList();
        return new ProductVersionCommand(version, lifecycle, releaseDate, endOfSupportDate, cpe, purl, models);
    }
}
