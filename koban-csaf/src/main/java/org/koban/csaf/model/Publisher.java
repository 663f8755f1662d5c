package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /document/publisher}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Publisher(
        @JsonProperty("category") String category,
        @JsonProperty("contact_details") String contactDetails,
        @JsonProperty("issuing_authority") String issuingAuthority,
        @JsonProperty("name") String name,
        @JsonProperty("namespace") String namespace,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Publisher {
        extra = Immutable.extra(extra);
    }
}
