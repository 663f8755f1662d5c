package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A recognition of external parties, {@code acknowledgments_t}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Acknowledgment(
        @JsonProperty("names") List<String> names,
        @JsonProperty("organization") String organization,
        @JsonProperty("summary") String summary,
        @JsonProperty("urls") List<String> urls,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Acknowledgment {
        names = Immutable.list(names);
        urls = Immutable.list(urls);
        extra = Immutable.extra(extra);
    }
}
