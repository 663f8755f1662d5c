package org.koban.server.shared;

/**
 * A record that does not exist, or that the caller may not know exists: permission checks answer "not
 * found" rather than "forbidden" for records outside a user's scope, so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
