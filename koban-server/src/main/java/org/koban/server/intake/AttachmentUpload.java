package org.koban.server.intake;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * One uploaded file, read once as a stream (never whole in memory). {@code fileName} and {@code contentType}
 * are the reporter's words: kept as sanitised metadata, never used as a path.
 */
public record AttachmentUpload(
        @Nullable String fileName, @Nullable String contentType, Content content) {

    /** Opens the upload's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
