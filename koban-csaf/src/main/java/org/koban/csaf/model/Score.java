package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/scores[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Score(
        @JsonProperty("cvss_v2") Cvss cvssV2,
        @JsonProperty("cvss_v3") Cvss cvssV3,
        @JsonProperty("products") List<String> products,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Score {
        products = Immutable.list(products);
        extra = Immutable.extra(extra);
    }
}
