package dev.eventscope.audit;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** Writes reports of a ledger file for the tests and reads PDFs back as text. */
final class ReportFiles {

    static final Instant GENERATED_AT = Instant.parse("2024-03-01T10:15:30Z");

    private ReportFiles() {
    }

    static ReportRequest request(Path ledger, ReportScope scope, ReportFormat format) {
        return new ReportRequest(ledger, scope, format, PaperSize.A4, "auditor", GENERATED_AT, ZoneOffset.UTC, "test");
    }

    static ReportOutcome write(Path ledger, ReportScope scope, ReportFormat format, Path out) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); OutputStream stream = Files.newOutputStream(out)) {
            return ReportGenerator.create().write(store, request(ledger, scope, format), stream, ReportProgress.none());
        }
    }

    static String pdfText(Path pdf, int fromPage, int toPage) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setEndPage(Math.min(toPage, document.getNumberOfPages()));
            return stripper.getText(document);
        }
    }

    static int pdfPages(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }
}
