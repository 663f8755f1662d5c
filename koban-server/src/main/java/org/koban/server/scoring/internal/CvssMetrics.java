package org.koban.server.scoring.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.koban.server.scoring.CvssVersion;

/**
 * The metrics each CVSS version defines, in FIRST's order, with their allowed values: v3.1 specification
 * table 15, v4.0 specification section 7 (table 23). Kept here rather than trusted to the scoring library,
 * because the library silently takes the last of duplicated metrics.
 */
enum CvssMetrics {
    V3_1(CvssVersion.V3_1) {
        @Override
        void define() {
            base("AV", "N", "A", "L", "P");
            base("AC", "L", "H");
            base("PR", "N", "L", "H");
            base("UI", "N", "R");
            base("S", "U", "C");
            base("C", "H", "L", "N");
            base("I", "H", "L", "N");
            base("A", "H", "L", "N");
            threat("E", "X", "U", "P", "F", "H");
            threat("RL", "X", "O", "T", "W", "U");
            threat("RC", "X", "U", "R", "C");
            environmental("CR", "X", "L", "M", "H");
            environmental("IR", "X", "L", "M", "H");
            environmental("AR", "X", "L", "M", "H");
            environmental("MAV", "X", "N", "A", "L", "P");
            environmental("MAC", "X", "L", "H");
            environmental("MPR", "X", "N", "L", "H");
            environmental("MUI", "X", "N", "R");
            environmental("MS", "X", "U", "C");
            environmental("MC", "X", "N", "L", "H");
            environmental("MI", "X", "N", "L", "H");
            environmental("MA", "X", "N", "L", "H");
        }
    },
    V4_0(CvssVersion.V4_0) {
        @Override
        void define() {
            base("AV", "N", "A", "L", "P");
            base("AC", "L", "H");
            base("AT", "N", "P");
            base("PR", "N", "L", "H");
            base("UI", "N", "P", "A");
            base("VC", "H", "L", "N");
            base("VI", "H", "L", "N");
            base("VA", "H", "L", "N");
            base("SC", "H", "L", "N");
            base("SI", "H", "L", "N");
            base("SA", "H", "L", "N");
            threat("E", "X", "A", "P", "U");
            environmental("CR", "X", "H", "M", "L");
            environmental("IR", "X", "H", "M", "L");
            environmental("AR", "X", "H", "M", "L");
            environmental("MAV", "X", "N", "A", "L", "P");
            environmental("MAC", "X", "L", "H");
            environmental("MAT", "X", "N", "P");
            environmental("MPR", "X", "N", "L", "H");
            environmental("MUI", "X", "N", "P", "A");
            environmental("MVC", "X", "H", "L", "N");
            environmental("MVI", "X", "H", "L", "N");
            environmental("MVA", "X", "H", "L", "N");
            environmental("MSC", "X", "H", "L", "N");
            environmental("MSI", "X", "S", "H", "L", "N");
            environmental("MSA", "X", "S", "H", "L", "N");
            supplemental("S", "X", "N", "P");
            supplemental("AU", "X", "N", "Y");
            supplemental("R", "X", "A", "U", "I");
            supplemental("V", "X", "D", "C");
            supplemental("RE", "X", "L", "M", "H");
            supplemental("U", "X", "Clear", "Green", "Amber", "Red");
        }
    };

    /** Which group of a version's metrics one belongs to. */
    enum Group {
        BASE,
        THREAT,
        ENVIRONMENTAL,
        SUPPLEMENTAL
    }

    record Metric(String key, Group group, List<String> values) {}

    private final CvssVersion version;
    private final SequencedMap<String, Metric> metrics = new LinkedHashMap<>();

    CvssMetrics(CvssVersion version) {
        this.version = version;
        define();
    }

    abstract void define();

    CvssVersion version() {
        return version;
    }

    /** Every metric of this version by its abbreviation, in FIRST's order. */
    Map<String, Metric> metrics() {
        return metrics;
    }

    static CvssMetrics of(CvssVersion version) {
        return version == CvssVersion.V3_1 ? V3_1 : V4_0;
    }

    void base(String key, String... values) {
        metrics.put(key, new Metric(key, Group.BASE, List.of(values)));
    }

    void threat(String key, String... values) {
        metrics.put(key, new Metric(key, Group.THREAT, List.of(values)));
    }

    void environmental(String key, String... values) {
        metrics.put(key, new Metric(key, Group.ENVIRONMENTAL, List.of(values)));
    }

    void supplemental(String key, String... values) {
        metrics.put(key, new Metric(key, Group.SUPPLEMENTAL, List.of(values)));
    }
}
