package org.koban.server.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The MITRE CWE catalogue bundled with Koban (weakness names from CWE {@value #CATALOGUE_VERSION}; see
 * {@code standards/cwe/NOTICE.md}). Loaded once at start-up; read-only.
 */
public interface Weaknesses {

    /** The CWE version whose weakness names Koban uses. */
    String CATALOGUE_VERSION = "4.17";

    /** The longest search text accepted; longer text is refused. */
    int MAX_QUERY_LENGTH = 200;

    /** The most results one search returns. */
    int MAX_LIMIT = 100;

    /** Any entry (weakness, category or view) by id, written {@code CWE-79}, {@code cwe-79} or {@code 79}. */
    Optional<CweEntry> find(String id);

    /**
     * Entries whose id or name matches, best first: the exact id, then ids starting with the text, then
     * names starting with it, names containing it, and names containing every word of it. Within each rank
     * mappable weaknesses come before the rest, then by id.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @throws org.koban.server.shared.InvalidInputException for a text that is too long or a bad limit
     */
    List<CweEntry> search(String text, int limit);

    /**
     * The weakness a vulnerability may be mapped to.
     *
     * @throws org.koban.server.shared.InvalidInputException (field {@code cwe}) for a malformed or unknown id,
     *     a category or a view (users pick CWEs from weaknesses; categories and views are not for mapping), or
     *     a deprecated weakness
     */
    CweEntry requireWeakness(String id);

    /** How many entries the catalogue holds. */
    int size();
}
