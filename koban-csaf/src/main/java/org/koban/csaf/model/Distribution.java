package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /document/distribution}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Distribution(
        @JsonProperty("text") String text,
        @JsonProperty("tlp") Tlp tlp,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Distribution {
        extra = Immutable.extra(extra);
    }
}
