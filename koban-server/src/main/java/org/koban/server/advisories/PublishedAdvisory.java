package org.koban.server.advisories;

import java.time.Instant;
import java.util.Locale;

/** The current published revision of an advisory, as the public site serves it. */
public record PublishedAdvisory(
        String trackingId,
        String title,
        String tlp,
        int version,
        Instant initialReleaseDate,
        Instant currentReleaseDate,
        String csaf) {

    /** CSAF section 5.1: the tracking id in lower case, every run of other characters as {@code _}. */
    public String fileName() {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    /** CSAF requirement 11: the year of the initial release, in UTC. */
    public int year() {
        return initialReleaseDate.atZone(java.time.ZoneOffset.UTC).getYear();
    }
}
