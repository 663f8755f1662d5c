package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/flags[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Flag(
        @JsonProperty("date") String date,
        @JsonProperty("group_ids") List<String> groupIds,
        @JsonProperty("label") String label,
        @JsonProperty("product_ids") List<String> productIds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Flag {
        groupIds = Immutable.list(groupIds);
        productIds = Immutable.list(productIds);
        extra = Immutable.extra(extra);
    }
}
