package org.koban.server.scoring;

import java.math.BigDecimal;

/**
 * FIRST's qualitative severity rating. CVSS v3.1 (specification section 5) and v4.0 (section 6) use the
 * same bands: None 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0.
 */
public enum Severity {
    NONE("None"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    CRITICAL("Critical");

    private static final BigDecimal LOW_FROM = new BigDecimal("0.1");
    private static final BigDecimal MEDIUM_FROM = new BigDecimal("4.0");
    private static final BigDecimal HIGH_FROM = new BigDecimal("7.0");
    private static final BigDecimal CRITICAL_FROM = new BigDecimal("9.0");
    private static final BigDecimal MAX = new BigDecimal("10.0");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word FIRST uses, e.g. {@code Critical}. (The enum name is what FIRST's JSON schemas use.) */
    public String label() {
        return label;
    }

    /** The rating of a score between 0.0 and 10.0 with one decimal. */
    public static Severity of(BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("A CVSS score is between 0.0 and 10.0, not " + score);
        }
        if (score.compareTo(CRITICAL_FROM) >= 0) return CRITICAL;
        if (score.compareTo(HIGH_FROM) >= 0) return HIGH;
        if (score.compareTo(MEDIUM_FROM) >= 0) return MEDIUM;
        if (score.compareTo(LOW_FROM) >= 0) return LOW;
        return NONE;
    }
}
