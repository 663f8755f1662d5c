package org.koban.server.scoring;

/** Parses, checks and scores CVSS v3.1 and v4.0 vector strings. */
public interface Cvss {

    /** The longest vector accepted. The longest valid v4.0 vector with every metric is about 190 characters. */
    int MAX_VECTOR_LENGTH = 200;

    /**
     * Scores a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}. Metrics may come in any
     * order; the result has them in FIRST's order.
     *
     * @throws org.koban.server.shared.InvalidInputException listing every problem (field {@code vector}): a
     *     wrong or missing prefix, an unsupported version, unknown metrics or values, duplicated or missing
     *     base metrics, a vector longer than {@link #MAX_VECTOR_LENGTH}
     */
    CvssScore score(String vector);
}
