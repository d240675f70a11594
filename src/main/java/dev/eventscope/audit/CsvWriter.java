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
 */
public final class CsvWriter {

    private final Writer out;
    private final String recordEnd;

    /** RFC 4180 records, ending with CRLF. */
    public CsvWriter(Writer out) {
        this(out, "\r\n");
    }

    private CsvWriter(Writer out, String recordEnd) {
        this.out = out;
        this.recordEnd = recordEnd;
    }

    /** Records ending with a plain LF, as Unix tools (diff, sort, hledger's own CSV) expect. */
    public static CsvWriter withUnixLineEnds(Writer out) {
        return new CsvWriter(out, "\n");
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
                out.write(field(fields.get(index)));
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
