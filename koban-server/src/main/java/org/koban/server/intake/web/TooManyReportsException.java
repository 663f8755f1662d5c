package org.koban.server.intake.web;

/** The client address is over its submissions-per-minute limit. */
class TooManyReportsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TooManyReportsException() {
        super("Too many reports from this address");
    }
}
