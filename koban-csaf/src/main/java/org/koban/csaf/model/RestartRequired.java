package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/remediations[]/restart_required}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record RestartRequired(
        @JsonProperty("category") String category,
        @JsonProperty("details") String details,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public RestartRequired {
        extra = Immutable.extra(extra);
    }
}
