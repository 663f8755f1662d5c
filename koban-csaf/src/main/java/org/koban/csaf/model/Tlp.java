package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Traffic Light Protocol label, {@code /document/distribution/tlp}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Tlp(
        @JsonProperty("label") String label,
        @JsonProperty("url") String url,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Tlp {
        extra = Immutable.extra(extra);
    }
}
