package org.koban.csaf;

import java.util.Arrays;

/**
 * The metrics of one CVSS version in the order its specification lists them, each with its abbreviation in the
 * vector, its JSON property and its values (abbreviation and name), and vectors parsed against them.
 *
 * <p>A parsed vector is one byte per metric: the index of the value the vector states plus one, 0 where the vector
 * leaves the metric out. Arrays rather than maps, because tests 6.1.9, 6.1.10 and 6.2.19 read every CVSS object of
 * every document.
 */
final class CvssMetrics {
    /** The value of a metric the vector leaves out ("X" in v3, "ND" in v2). */
    private final String absent;

    private String[] keys = new String[0];
    private String[] properties = new String[0];
    private String[][] values = new String[0][];
    private String[][] names = new String[0][];
    private boolean[] required = new boolean[0];
    /** {@link #code} of each key and of each value: parsing compares one int per candidate. */
    private int[] keyCodes = new int[0];

    private int[][] valueCodes = new int[0][];

    CvssMetrics(String absent) {
        this.absent = absent;
    }

    /**
     * Defines the next metric; {@code values} lists abbreviation=name pairs ({@code "N=NETWORK,A=ADJACENT_NETWORK"}).
     * Returns the metric's index.
     */
    int define(String key, String property, String values, boolean required) {
        int i = keys.length;
        keys = Arrays.copyOf(keys, i + 1);
        properties = Arrays.copyOf(properties, i + 1);
        this.values = Arrays.copyOf(this.values, i + 1);
        names = Arrays.copyOf(names, i + 1);
        this.required = Arrays.copyOf(this.required, i + 1);
        String[] pairs = values.split(",");
        keys[i] = key;
        properties[i] = property;
        this.values[i] = new String[pairs.length];
        names[i] = new String[pairs.length];
        for (int v = 0; v < pairs.length; v++) {
            String[] kv = pairs[v].split("=");
            this.values[i][v] = kv[0];
            names[i][v] = kv[1];
        }
        this.required[i] = required;
        keyCodes = Arrays.copyOf(keyCodes, i + 1);
        keyCodes[i] = checkedCode(key);
        valueCodes = Arrays.copyOf(valueCodes, i + 1);
        valueCodes[i] = new int[pairs.length];
        for (int v = 0; v < pairs.length; v++) {
            valueCodes[i][v] = checkedCode(this.values[i][v]);
        }
        return i;
    }

    private static int checkedCode(String abbreviation) {
        int code = code(abbreviation, 0, abbreviation.length());
        if (code < 0) {
            throw new IllegalArgumentException("not one to three ASCII characters: " + abbreviation);
        }
        return code;
    }

    /**
     * The characters of {@code s} from {@code from} to {@code to} and their number in one int, if they are one to
     * three ASCII characters (as every metric and value abbreviation is); -1 otherwise.
     */
    static int code(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3) {
            return -1;
        }
        int code = len;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c > 0x7F) {
                return -1;
            }
            code = (code << 8) | c;
        }
        return code;
    }

    /** The metric whose abbreviation is {@code s} from {@code from} to {@code to}, or -1. */
    int metric(String s, int from, int to) {
        return find(keyCodes, s, from, to);
    }

    /** Whether {@code s} from {@code from} to {@code to} is the abbreviation of one of the metric's values. */
    boolean hasValue(int metric, String s, int from, int to) {
        return find(valueCodes[metric], s, from, to) >= 0;
    }

    int count() {
        return keys.length;
    }

    String key(int metric) {
        return keys[metric];
    }

    String property(int metric) {
        return properties[metric];
    }

    /** The abbreviations of the metric's values, in the specification's order. */
    String[] values(int metric) {
        return values[metric].clone();
    }

    /**
     * Parses the {@code /}-separated {@code metric:value} parts of {@code vector} from {@code from} on. Null if a
     * part is malformed, names an unknown metric or value, repeats a metric, or a required metric is missing.
     */
    byte[] parse(String vector, int from) {
        byte[] parsed = new byte[keys.length];
        int p = from;
        int n = vector.length();
        while (true) {
            int slash = vector.indexOf('/', p);
            int end = slash < 0 ? n : slash;
            int colon = vector.indexOf(':', p);
            if (colon < 0 || colon >= end) {
                return null;
            }
            int metric = find(keyCodes, vector, p, colon);
            int value = metric < 0 ? -1 : find(valueCodes[metric], vector, colon + 1, end);
            if (value < 0 || parsed[metric] != 0) {
                return null;
            }
            parsed[metric] = (byte) (value + 1);
            if (slash < 0) {
                break;
            }
            p = slash + 1;
        }
        for (int m = 0; m < required.length; m++) {
            if (required[m] && parsed[m] == 0) {
                return null;
            }
        }
        return parsed;
    }

    /** The index of the code of {@code s} from {@code from} to {@code to} among {@code codes}, or -1. */
    private static int find(int[] codes, String s, int from, int to) {
        int code = code(s, from, to);
        if (code < 0) {
            return -1;
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                return i;
            }
        }
        return -1;
    }

    boolean stated(byte[] parsed, int metric) {
        return parsed[metric] != 0;
    }

    /** The abbreviation of the metric's value in a parsed vector, the "not defined" value where it is left out. */
    String value(byte[] parsed, int metric) {
        int v = parsed[metric];
        return v == 0 ? absent : values[metric][v - 1];
    }

    /** The name of the value the parsed vector states for the metric (which it must state). */
    String name(byte[] parsed, int metric) {
        return names[metric][parsed[metric] - 1];
    }

    /** The index plus one of the metric's value with this name ({@code "NETWORK"}), 0 if there is none. */
    int valueNamed(int metric, String name) {
        String[] all = names[metric];
        for (int v = 0; v < all.length; v++) {
            if (all[v].equals(name)) {
                return v + 1;
            }
        }
        return 0;
    }
}
