package dev.eventscope.audit;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    @Test
    void leaves_plain_fields_unquoted_and_ends_records_with_crlf() {
        StringWriter out = new StringWriter();

        new CsvWriter(out).writeRecord("a", "b c", "1.50");

        assertEquals("a,b c,1.50\r\n", out.toString());
    }

    @Test
    void quotes_fields_with_a_comma_quote_cr_or_lf_and_doubles_quotes() {
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
        assertEquals("\"line\rbreak\"", CsvWriter.field("line\rbreak"));
        assertEquals("\"line\nbreak\"", CsvWriter.field("line\nbreak"));
    }

    @Test
    void writes_null_as_an_empty_field() {
        StringWriter out = new StringWriter();

        new CsvWriter(out).writeRecord("a", null, "c");

        assertEquals("a,,c\r\n", out.toString());
    }

    @Test
    void cells_for_spreadsheets_never_start_a_formula_but_numbers_stay_numbers() {
        StringWriter out = new StringWriter();

        CsvWriter.forSpreadsheets(out).writeRecord("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                "\tTAB", "-12.50", "+3", "-4800.00 EUR", "1,500.00 USD", "-1 A", "plain = fine", "-$5");

        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\tTAB,-12.50,+3,"
                + "-4800.00 EUR,\"1,500.00 USD\",-1 A,plain = fine,'-$5\r\n", out.toString());
    }

    @Test
    void plain_csv_for_scripts_is_left_exactly_as_given() {
        StringWriter out = new StringWriter();

        CsvWriter.withUnixLineEnds(out).writeRecord("=x", "-1");

        assertEquals("=x,-1\n", out.toString());
    }
}
