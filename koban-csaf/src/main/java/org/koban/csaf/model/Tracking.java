package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /document/tracking}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Tracking(
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("current_release_date") String currentReleaseDate,
        @JsonProperty("generator") Generator generator,
        @JsonProperty("id") String id,
        @JsonProperty("initial_release_date") String initialReleaseDate,
        @JsonProperty("revision_history") List<Revision> revisionHistory,
        @JsonProperty("status") String status,
        @JsonProperty("version") String version,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Tracking {
        aliases = Immutable.list(aliases);
        revisionHistory = Immutable.list(revisionHistory);
        extra = Immutable.extra(extra);
    }
}
