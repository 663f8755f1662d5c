package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /document/tracking/generator/engine}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Engine(
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Engine {
        extra = Immutable.extra(extra);
    }
}
