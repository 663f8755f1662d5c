package org.koban.csaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.koban.csaf.model.CsafDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes CSAF documents. Writing is deterministic: properties in alphabetical order (the order of the
 * schema's own property lists), unknown properties after them, also sorted, two-space indentation.
 */
public final class CsafJson {

    /** One shared, thread-safe mapper: Jackson mappers are immutable once built. */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Real advisories are at most tens of MB; these bounds stop a hostile file from exhausting memory.
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxStringLength(50_000_000)
                            .build())
                    .build())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private CsafJson() {}

    /** Parses a document into the record model; throws {@link CsafReadException} on malformed input. */
    public static CsafDocument read(String json) {
        try {
            return MAPPER.readValue(json, CsafDocument.class);
        } catch (RuntimeException e) {
            throw new CsafReadException("Not a readable CSAF document: " + message(e), e);
        }
    }

    public static CsafDocument read(byte[] json) {
        try {
            return MAPPER.readValue(json, CsafDocument.class);
        } catch (RuntimeException e) {
            throw new CsafReadException("Not a readable CSAF document: " + message(e), e);
        }
    }

    public static CsafDocument read(InputStream json) {
        try {
            return read(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsafDocument read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document as pretty-printed JSON with a stable key order. */
    public static String write(CsafDocument document) {
        return MAPPER.writeValueAsString(document);
    }

    /** The document as a JSON tree (the same value {@link #write} produces). */
    public static JsonNode toTree(CsafDocument document) {
        return MAPPER.valueToTree(document);
    }

    /** Parses any JSON text into a tree; throws {@link CsafReadException} if it is not JSON. */
    public static JsonNode readTree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new CsafReadException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String message(Exception e) {
        return e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
    }

    /** The reader's failure, with the parser's message. */
    public static final class CsafReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CsafReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
