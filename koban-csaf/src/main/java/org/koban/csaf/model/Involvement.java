package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/involvements[]}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Involvement(
        @JsonProperty("date") String date,
        @JsonProperty("party") String party,
        @JsonProperty("status") String status,
        @JsonProperty("summary") String summary,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Involvement {
        extra = Immutable.extra(extra);
    }
}
