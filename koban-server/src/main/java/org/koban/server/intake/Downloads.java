package org.koban.server.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends a proof-of-concept file the only safe way: as an opaque download that no browser renders or sniffs,
 * streamed (never held whole in memory) and never cached.
 */
public final class Downloads {

    private Downloads() {}

    public static void send(AttachmentContent content, HttpServletResponse response) throws IOException {
        var attachment = content.attachment();
        send(attachment.fileName(), attachment.size(), attachment.sha256(), content.stream(), response);
    }

    /** The same for any other file outsiders sent (participants' uploads); the caller closes the stream. */
    public static void send(
            String fileName, long size, String sha256, java.io.InputStream stream, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/octet-stream");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("X-Koban-SHA256", sha256);
        response.setContentLengthLong(size);
        stream.transferTo(response.getOutputStream());
    }
}
