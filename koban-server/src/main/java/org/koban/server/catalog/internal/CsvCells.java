package org.koban.server.catalog.internal;

/**
 * Spreadsheet formula injection: a cell that starts with {@code = + - @}, a tab or a carriage return is
 * run as a formula when someone opens the export in a spreadsheet. Such cells are written with a leading
 * apostrophe (OWASP's advice), and the apostrophe is removed again on import, so export then import
 * stays a no-op.
 */
final class CsvCells {

    private CsvCells() {}

    static String neutralise(String value) {
        return startsDangerously(value, 0) ? "'" + value : value;
    }

    static String restore(String value) {
        return value.startsWith("'") && startsDangerously(value, 1) ? value.substring(1) : value;
    }

    private static boolean startsDangerously(String value, int at) {
        if (value.length() <= at) return false;
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
