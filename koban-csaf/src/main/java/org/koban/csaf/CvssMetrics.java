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
        return i;
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
            int metric = find(keys, vector, p, colon);
            int value = metric < 0 ? -1 : find(values[metric], vector, colon + 1, end);
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

    /** The index of the string equal to {@code s} from {@code from} to {@code to}, or -1. */
    private static int find(String[] options, String s, int from, int to) {
        for (int i = 0; i < options.length; i++) {
            String o = options[i];
            if (o.length() == to - from && sameChars(o, s, from)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code s} holds {@code o} at {@code from}: names of one to three characters, compared in a loop. */
    private static boolean sameChars(String o, String s, int from) {
        for (int k = 0; k < o.length(); k++) {
            if (o.charAt(k) != s.charAt(from + k)) {
                return false;
            }
        }
        return true;
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
