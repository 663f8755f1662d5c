package org.koban.server.coordination;

import java.io.IOException;
import java.io.InputStream;

/** A decrypting stream over a file a participant may download; the caller closes it. */
public record FileContent(String fileName, long size, String sha256, InputStream stream) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
