package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One hash value and its algorithm.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record FileHash(
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("value") String value,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public FileHash {
        extra = Immutable.extra(extra);
    }
}
