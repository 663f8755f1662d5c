package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A branch of the product tree, {@code branches_t} item.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Branch(
        @JsonProperty("branches") List<Branch> branches,
        @JsonProperty("category") String category,
        @JsonProperty("name") String name,
        @JsonProperty("product") FullProductName product,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Branch {
        branches = Immutable.list(branches);
        extra = Immutable.extra(extra);
    }
}
