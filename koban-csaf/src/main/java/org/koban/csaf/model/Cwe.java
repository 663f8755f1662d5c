package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/cwe}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Cwe(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Cwe {
        extra = Immutable.extra(extra);
    }
}
