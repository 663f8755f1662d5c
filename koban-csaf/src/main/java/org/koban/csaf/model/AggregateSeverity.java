package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /document/aggregate_severity}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record AggregateSeverity(
        @JsonProperty("namespace") String namespace,
        @JsonProperty("text") String text,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public AggregateSeverity {
        extra = Immutable.extra(extra);
    }
}
