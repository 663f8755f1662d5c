package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A generic product identifier URI.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record GenericUri(
        @JsonProperty("namespace") String namespace,
        @JsonProperty("uri") String uri,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public GenericUri {
        extra = Immutable.extra(extra);
    }
}
