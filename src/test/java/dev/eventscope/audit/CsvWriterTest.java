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
}
