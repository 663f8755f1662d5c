package org.koban.server.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Narrows a product list: to one line, one family, or products with a version in one lifecycle state. */
public record ProductFilter(
        @Nullable UUID lineId,
        @Nullable UUID familyId,
        @Nullable Lifecycle lifecycle) {

    public static ProductFilter none() {
        return new ProductFilter(null, null, null);
    }
}
