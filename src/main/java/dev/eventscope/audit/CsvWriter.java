package dev.eventscope.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes RFC 4180 CSV: records end with CRLF (or LF, for output that scripts compare line by line);
 * a field containing a comma, a double quote, CR or LF is quoted, with its quotes doubled; null is
 * written as an empty field. Shared by the audit reports and the CLI's exports.
 *
 * <p>For files meant to be opened in a spreadsheet ({@link #forSpreadsheets}), a text cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with an
 * apostrophe, so that a description such as {@code =HYPERLINK(...)} is shown as text and never run as a
 * formula (OWASP's "CSV injection"). A plain number such as {@code -12.50} or an amount such as
 * {@code -4800.00 EUR} is left as it is.
 */
public final class CsvWriter {

    private final Writer out;
    private final String recordEnd;
    private final boolean guardFormulas;

    /** RFC 4180 records, ending with CRLF. */
    public CsvWriter(Writer out) {
        this(out, "\r\n", false);
    }

    private CsvWriter(Writer out, String recordEnd, boolean guardFormulas) {
        this.out = out;
        this.recordEnd = recordEnd;
        this.guardFormulas = guardFormulas;
    }

    /** Records ending with a plain LF, as Unix tools (diff, sort, hledger's own CSV) expect. */
    public static CsvWriter withUnixLineEnds(Writer out) {
        return new CsvWriter(out, "\n", false);
    }

    /** RFC 4180 records (CRLF) whose text cells can never start a spreadsheet formula. */
    public static CsvWriter forSpreadsheets(Writer out) {
        return new CsvWriter(out, "\r\n", true);
    }

    public void writeRecord(String... fields) {
        writeRecord(Arrays.asList(fields));
    }

    public void writeRecord(List<String> fields) {
        try {
            for (int index = 0; index < fields.size(); index++) {
                if (index > 0) {
                    out.write(',');
                }
                String value = fields.get(index);
                out.write(field(guardFormulas ? inert(value) : value));
            }
            out.write(recordEnd);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write CSV: " + failed.getMessage(), failed);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write CSV: " + failed.getMessage(), failed);
        }
    }

    /** A number, optionally followed by a space and a commodity with no character a formula needs. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile(
            "[-+]?\\d[\\d,]*(\\.\\d+)?( [^\\s=+\\-@|!()'\"*/^&<>;:]+)?");

    /** The value with an apostrophe before a leading formula character, unless it is a plain number. */
    static String inert(String value) {
        if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** One field as it appears in the file. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
