package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /product_tree}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record ProductTree(
        @JsonProperty("branches") List<Branch> branches,
        @JsonProperty("full_product_names") List<FullProductName> fullProductNames,
        @JsonProperty("product_groups") List<ProductGroup> productGroups,
        @JsonProperty("relationships") List<Relationship> relationships,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ProductTree {
        branches = Immutable.list(branches);
        fullProductNames = Immutable.list(fullProductNames);
        productGroups = Immutable.list(productGroups);
        relationships = Immutable.list(relationships);
        extra = Immutable.extra(extra);
    }
}
