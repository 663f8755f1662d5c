package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code /vulnerabilities[]/product_status}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record ProductStatus(
        @JsonProperty("first_affected") List<String> firstAffected,
        @JsonProperty("first_fixed") List<String> firstFixed,
        @JsonProperty("fixed") List<String> fixed,
        @JsonProperty("known_affected") List<String> knownAffected,
        @JsonProperty("known_not_affected") List<String> knownNotAffected,
        @JsonProperty("last_affected") List<String> lastAffected,
        @JsonProperty("recommended") List<String> recommended,
        @JsonProperty("under_investigation") List<String> underInvestigation,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ProductStatus {
        firstAffected = Immutable.list(firstAffected);
        firstFixed = Immutable.list(firstFixed);
        fixed = Immutable.list(fixed);
        knownAffected = Immutable.list(knownAffected);
        knownNotAffected = Immutable.list(knownNotAffected);
        lastAffected = Immutable.list(lastAffected);
        recommended = Immutable.list(recommended);
        underInvestigation = Immutable.list(underInvestigation);
        extra = Immutable.extra(extra);
    }
}
