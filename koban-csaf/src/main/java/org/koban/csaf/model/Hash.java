package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Cryptographic hashes of one file.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record Hash(
        @JsonProperty("file_hashes") List<FileHash> fileHashes,
        @JsonProperty("filename") String filename,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Hash {
        fileHashes = Immutable.list(fileHashes);
        extra = Immutable.extra(extra);
    }
}
