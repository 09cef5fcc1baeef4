package org.spinepathway.platform.control;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for spreadsheets: RFC 4180 quoting, and text a spreadsheet would run as a formula defused.
 * <p>
 * A spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab
 * or carriage return before one) as a formula. Where the list separator is {@code ;} (much of
 * Europe), it also splits our comma-separated lines at every {@code ;}, quotes or not, so each
 * {@code ;} inside a value starts a cell of its own; the same goes for line breaks and tabs.
 * Every such start of a cell that would be a formula, after any spaces or quotes, gets a leading
 * {@code '}, which spreadsheets read as "this is text" (OWASP's CSV injection advice).
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String CELL_BREAKS = ";\t\r\n";

    private Csv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : defused(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.contains(";")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** One line, ended with CRLF. */
    public static String row(List<?> values) {
        return values.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String defused(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart && startsFormula(text, i)) {
                out.append('\'');
            }
            out.append(c);
            // A tab or CR that starts a cell counts as part of a formula's start, not as a new cell.
            cellStart = CELL_BREAKS.indexOf(c) >= 0 && !(cellStart && FORMULA_STARTS.indexOf(c) >= 0);
        }
        return out.toString();
    }

    /** Whether a cell starting at {@code from} would be read as a formula: spaces and quotes skipped. */
    private static boolean startsFormula(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '"')) {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }
}
