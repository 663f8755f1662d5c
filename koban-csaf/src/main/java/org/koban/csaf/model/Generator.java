package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /document/tracking/generator}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Generator(
        @JsonProperty("date") String date,
        @JsonProperty("engine") Engine engine,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Generator {
        extra = Immutable.extra(extra);
    }
}
