package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A reference, {@code references_t}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Reference(
        @JsonProperty("category") String category,
        @JsonProperty("summary") String summary,
        @JsonProperty("url") String url,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Reference {
        extra = Immutable.extra(extra);
    }
}
