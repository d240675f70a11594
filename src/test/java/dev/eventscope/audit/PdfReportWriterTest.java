package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF writer on its own: pages stream out as they fill, and European text renders. */
class PdfReportWriterTest {

    private static final Instant GENERATED = Instant.parse("2025-10-01T08:00:00Z");

    @TempDir
    Path folder;

    private static ReportHeader header() {
        return new ReportHeader("Domácnost Müller", "ledger-1", "EUR", "household.ledger", "the whole ledger",
                GENERATED, ZoneOffset.UTC, "auditor", "test");
    }

    private static ReportSummary summary(long events) {
        return new ReportSummary(events, events, events, 1, List.of("household"), List.of(), 0, 0, 0, List.of());
    }

    private static ReportRow row(long position, String description) {
        return new ReportRow(position, "event-" + position, GENERATED, LocalDate.of(2025, 5, 1), "household", "PostEntry",
                "EntryPosted", "entry-E" + position, "E" + position, null, null, List.of(), null, null, description,
                null, "posted", null, "hash-" + position);
    }

    @Test
    @DisplayName("given thousands of rows, when they are written, then finished pages reach the file before the report ends")
    void pages_stream_to_the_output_as_they_fill() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportWriter writer = new PdfReportWriter(out, PaperSize.A4);
        writer.start(header(), IntegrityReport.intact(3000, 3000, "abc"), summary(3000));
        int afterStart = out.size();
        for (long position = 1; position <= 3000; position++) {
            writer.event(row(position, "Groceries " + position));
        }
        int beforeFinish = out.size();
        writer.finish();

        assertTrue(beforeFinish > afterStart + 100_000, "pages were written while rows arrived: " + afterStart + " -> " + beforeFinish);
        Path pdf = folder.resolve("stream.pdf");
        Files.write(pdf, out.toByteArray());
        int pages = ReportFiles.pdfPages(pdf);
        assertTrue(pages > 50, "pages: " + pages);
        String last = ReportFiles.pdfText(pdf, pages, pages);
        assertTrue(last.contains("Page " + pages + " of " + pages), last);
        assertTrue(last.contains("End of report: 3,000 events listed."), last);
        String middle = ReportFiles.pdfText(pdf, pages / 2, pages / 2);
        assertTrue(middle.contains("Pos.") && middle.contains("Command / event"), "the table header repeats: " + middle);
        assertTrue(middle.contains("Page " + pages / 2 + " of " + pages), middle);
    }

    @Test
    @DisplayName("given Czech, German and euro text, when written, then it renders; characters the font lacks become '?'")
    void european_text_renders_and_the_rest_becomes_a_placeholder() throws Exception {
        Path pdf = folder.resolve("unicode.pdf");
        try (var out = Files.newOutputStream(pdf)) {
            PdfReportWriter writer = new PdfReportWriter(out, PaperSize.A4);
            writer.start(header(), IntegrityReport.intact(3, 3, "abc"), summary(3));
            writer.event(row(1, "Ubytování 9,870.00 Kč"));
            writer.event(row(2, "Hotel 392.83 € für Übernachtung"));
            writer.event(row(3, "Tea 漢"));
            writer.finish();
        }
        String text = ReportFiles.pdfText(pdf, 1, 9);
        assertTrue(text.contains("Domácnost Müller"), text);
        assertTrue(text.contains("Ubytování 9,870.00 Kč"), text);
        assertTrue(text.contains("Hotel 392.83 € für Übernachtung"), text);
        assertTrue(text.contains("Tea ?"), text);
        assertEquals(1, ReportFiles.pdfPages(pdf));
    }

    @Test
    @DisplayName("given a disk that fills up, when pages are written, then the failure says the PDF report could not be written")
    void a_failing_output_is_reported_in_words() {
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int oneByte) throws IOException {
                if (++written > 20_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        PdfReportWriter writer = new PdfReportWriter(full, PaperSize.A4);
        writer.start(header(), IntegrityReport.intact(3000, 3000, "abc"), summary(3000));
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> {
            for (long position = 1; position <= 3000; position++) {
                writer.event(row(position, "Groceries " + position));
            }
            writer.finish();
        });
        assertEquals("Could not write the PDF report: No space left on device", failure.getMessage());
    }
}
