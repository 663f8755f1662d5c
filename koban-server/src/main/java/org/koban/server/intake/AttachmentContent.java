package org.koban.server.intake;

import java.io.IOException;
import java.io.InputStream;

/** A decrypting stream over one attachment; the caller closes it. */
public record AttachmentContent(ReportAttachment attachment, InputStream stream) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
