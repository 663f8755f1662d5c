package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A CVSS v2, v3.0 or v3.1 object as defined by FIRST. The identifying properties are typed; every other metric
 * ({@code attackVector}, {@code temporalScore}, ...) is kept in {@code metrics} in its JSON form, because the
 * three FIRST schemas define different metric sets and the validator reads them from the JSON tree anyway.
 * Scores are {@link BigDecimal} so that {@code 5.0} and {@code 10} are written back exactly as read.
 */
public record Cvss(
        @JsonProperty("version") String version,
        @JsonProperty("vectorString") String vectorString,
        @JsonProperty("baseScore") BigDecimal baseScore,
        @JsonProperty("baseSeverity") String baseSeverity,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> metrics) {

    public Cvss {
        metrics = Immutable.extra(metrics);
    }
}
