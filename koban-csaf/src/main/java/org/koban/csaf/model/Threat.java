package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/threats[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Threat(
        @JsonProperty("category") String category,
        @JsonProperty("date") String date,
        @JsonProperty("details") String details,
        @JsonProperty("group_ids") List<String> groupIds,
        @JsonProperty("product_ids") List<String> productIds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Threat {
        groupIds = Immutable.list(groupIds);
        productIds = Immutable.list(productIds);
        extra = Immutable.extra(extra);
    }
}
