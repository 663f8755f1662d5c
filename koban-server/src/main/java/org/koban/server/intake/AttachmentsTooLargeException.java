package org.koban.server.intake;

/** An attachment, or all of a report's attachments together, exceed the configured limits; nothing was stored. */
public class AttachmentsTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AttachmentsTooLargeException(String message) {
        super(message);
    }
}
