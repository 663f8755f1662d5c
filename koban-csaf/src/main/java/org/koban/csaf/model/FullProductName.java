package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A product definition, {@code full_product_name_t}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record FullProductName(
        @JsonProperty("name") String name,
        @JsonProperty("product_id") String productId,
        @JsonProperty("product_identification_helper") ProductIdentificationHelper productIdentificationHelper,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public FullProductName {
        extra = Immutable.extra(extra);
    }
}
