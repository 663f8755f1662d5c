package org.koban.server.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code koban.public-url}, the base of every absolute link Koban writes (tracking links, mail, advisories, the
 * CSAF provider directory, CVE records), read once and without a trailing slash.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(@Value("${koban.public-url}") String url) {
        String stripped = url.strip();
        this.base = stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** E.g. {@code https://psirt.example.com}: append paths that start with {@code /}. */
    public String base() {
        return base;
    }
}
