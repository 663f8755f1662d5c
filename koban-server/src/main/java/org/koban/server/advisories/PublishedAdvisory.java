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

    public String fileName() {
        return fileName(trackingId);
    }

    /** CSAF requirement 11: the year of the initial release, in UTC. */
    public int year() {
        return initialReleaseDate.atZone(java.time.ZoneOffset.UTC).getYear();
    }

    /** Where the document lives in the provider directory, e.g. {@code white/2026/koban-sa-2026-0001.json}. */
    public String path() {
        return path(tlp, initialReleaseDate, trackingId);
    }

    /** CSAF section 5.1: the tracking id in lower case, every run of other characters as {@code _}. */
    public static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    /** The path of a document below {@code /.well-known/csaf/}: TLP label, year of the initial release, file name. */
    public static String path(String tlp, Instant initialReleaseDate, String trackingId) {
        return tlp.toLowerCase(Locale.ROOT) + "/"
                + initialReleaseDate.atZone(java.time.ZoneOffset.UTC).getYear() + "/" + fileName(trackingId);
    }
}
