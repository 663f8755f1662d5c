package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The root of a CSAF 2.0 document.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record CsafDocument(
        @JsonProperty("document") Document document,
        @JsonProperty("product_tree") ProductTree productTree,
        @JsonProperty("vulnerabilities") List<Vulnerability> vulnerabilities,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public CsafDocument {
        vulnerabilities = Immutable.list(vulnerabilities);
        extra = Immutable.extra(extra);
    }
}
