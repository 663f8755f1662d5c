package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Document-level meta-data, {@code /document}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Document(
        @JsonProperty("acknowledgments") List<Acknowledgment> acknowledgments,
        @JsonProperty("aggregate_severity") AggregateSeverity aggregateSeverity,
        @JsonProperty("category") String category,
        @JsonProperty("csaf_version") String csafVersion,
        @JsonProperty("distribution") Distribution distribution,
        @JsonProperty("lang") String lang,
        @JsonProperty("notes") List<Note> notes,
        @JsonProperty("publisher") Publisher publisher,
        @JsonProperty("references") List<Reference> references,
        @JsonProperty("source_lang") String sourceLang,
        @JsonProperty("title") String title,
        @JsonProperty("tracking") Tracking tracking,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Document {
        acknowledgments = Immutable.list(acknowledgments);
        notes = Immutable.list(notes);
        references = Immutable.list(references);
        extra = Immutable.extra(extra);
    }
}
