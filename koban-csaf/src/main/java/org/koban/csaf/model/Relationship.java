package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /product_tree/relationships[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Relationship(
        @JsonProperty("category") String category,
        @JsonProperty("full_product_name") FullProductName fullProductName,
        @JsonProperty("product_reference") String productReference,
        @JsonProperty("relates_to_product_reference") String relatesToProductReference,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Relationship {
        extra = Immutable.extra(extra);
    }
}
