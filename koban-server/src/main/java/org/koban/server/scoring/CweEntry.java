package org.koban.server.scoring;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the CWE catalogue.
 *
 * @param id as MITRE writes it, e.g. {@code CWE-79}
 * @param name exactly as the catalogue has it (CSAF's mandatory test 6.1.11 compares it character by character)
 * @param kind weakness, category or view
 * @param abstraction for weaknesses: Pillar, Class, Base, Variant or Compound; null otherwise or when unknown
 * @param status MITRE's status: Stable, Draft, Incomplete, Deprecated or Obsolete
 * @param description a short description, or null when the catalogue has none
 * @param mappable whether a vulnerability may be mapped to it: a weakness that is not deprecated
 */
public record CweEntry(
        String id,
        String name,
        CweKind kind,
        @Nullable String abstraction,
        String status,
        @Nullable String description,
        boolean mappable) {

    /** The numeric part of the id, e.g. 79. */
    public int number() {
        return Integer.parseInt(id.substring("CWE-".length()));
    }
}
