package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /product_tree/product_groups[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record ProductGroup(
        @JsonProperty("group_id") String groupId,
        @JsonProperty("product_ids") List<String> productIds,
        @JsonProperty("summary") String summary,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ProductGroup {
        productIds = Immutable.list(productIds);
        extra = Immutable.extra(extra);
    }
}
