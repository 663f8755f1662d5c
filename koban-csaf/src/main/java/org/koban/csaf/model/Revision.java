package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An item of {@code /document/tracking/revision_history}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Revision(
        @JsonProperty("date") String date,
        @JsonProperty("legacy_version") String legacyVersion,
        @JsonProperty("number") String number,
        @JsonProperty("summary") String summary,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Revision {
        extra = Immutable.extra(extra);
    }
}
