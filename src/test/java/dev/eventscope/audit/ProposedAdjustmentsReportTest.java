package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: the "Proposed adjustments" section is in every report format, read back from the written file. */
class ProposedAdjustmentsReportTest {

    private static final List<ProposedAdjustment> PROPOSALS = List.of(
            new ProposedAdjustment(1, "post E9 2024-01-31 Accrued audit fee", "audit fee not accrued", "auditor",
                    Instant.parse("2024-02-20T09:30:00Z"), "accepted", "assets:bank -300 EUR; expenses:fees 300 EUR; income + expenses 300 EUR"),
            new ProposedAdjustment(2, "reverse E4 on 2024-01-20", "invoice booked twice", "auditor",
                    Instant.parse("2024-02-20T09:45:00Z"), "refused: The entry E4 was reversed already.", "none"));

    @TempDir
    Path folder;
    Path ledger;

    @BeforeEach
    void acme() {
        ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
    }

    private Path report(ReportFormat format, List<ProposedAdjustment> proposals) throws Exception {
        Path out = folder.resolve("report-" + proposals.size() + "." + format.name().toLowerCase());
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); OutputStream stream = Files.newOutputStream(out)) {
            ReportGenerator.create().write(store, ReportFiles.request(ledger, ReportScope.wholeLedger(), format)
                    .withProposedAdjustments(proposals), stream, ReportProgress.none());
        }
        return out;
    }

    @Test
    void pdf_prints_the_section_before_the_events() throws Exception {
        String text = ReportFiles.pdfText(report(ReportFormat.PDF, PROPOSALS), 1, 99).replaceAll("\\s+", " ");
        int section = text.indexOf("Proposed adjustments");
        assertTrue(section >= 0, text);
        assertTrue(section < text.indexOf("Events In ledger order"), "before the event table");
        assertTrue(text.contains("Proposed, not posted"), text);
        for (String expected : List.of("post E9 2024-01-31 Accrued audit fee", "audit fee not accrued", "accepted",
                "assets:bank -300 EUR; expenses:fees 300 EUR; income + expenses 300 EUR", "reverse E4 on 2024-01-20",
                "invoice booked twice", "refused: The entry E4 was reversed already.")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertFalse(ReportFiles.pdfText(report(ReportFormat.PDF, List.of()), 1, 99).contains("Proposed adjustments"),
                "a report without proposals has no such section");
    }

    @Test
    void csv_has_a_row_per_proposal_before_the_events() throws Exception {
        List<List<String>> rows = Csv.parse(Files.readString(report(ReportFormat.CSV, PROPOSALS), StandardCharsets.UTF_8));
        assertEquals(CsvReportWriter.COLUMNS, rows.get(0));
        List<String> first = rows.get(1);
        assertEquals("", first.get(CsvReportWriter.COLUMNS.indexOf("position")), "nothing is posted");
        assertEquals("Proposed adjustment 1", first.get(CsvReportWriter.COLUMNS.indexOf("event_type")));
        assertEquals("auditor", first.get(CsvReportWriter.COLUMNS.indexOf("user")));
        assertEquals("2024-02-20T09:30:00Z", first.get(CsvReportWriter.COLUMNS.indexOf("recorded_at")));
        assertEquals("audit fee not accrued", first.get(CsvReportWriter.COLUMNS.indexOf("description")));
        assertEquals("post E9 2024-01-31 Accrued audit fee", first.get(CsvReportWriter.COLUMNS.indexOf("state_before")));
        assertEquals("assets:bank -300 EUR; expenses:fees 300 EUR; income + expenses 300 EUR",
                first.get(CsvReportWriter.COLUMNS.indexOf("state_after")));
        assertEquals("accepted", first.get(CsvReportWriter.COLUMNS.indexOf("flag")));
        assertEquals("refused: The entry E4 was reversed already.", rows.get(2).get(CsvReportWriter.COLUMNS.indexOf("flag")));
        assertEquals("1", rows.get(3).get(0), "then the events, from position 1");
        List<List<String>> without = Csv.parse(Files.readString(report(ReportFormat.CSV, List.of()), StandardCharsets.UTF_8));
        assertEquals("1", without.get(1).get(0));
    }

    @Test
    void json_has_a_proposed_adjustments_array_before_the_events() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report(ReportFormat.JSON, PROPOSALS).toFile());
        JsonNode proposals = json.get("proposedAdjustments");
        assertEquals(2, proposals.size());
        assertEquals(1, proposals.get(0).get("number").asInt());
        assertEquals("post E9 2024-01-31 Accrued audit fee", proposals.get(0).get("entry").asText());
        assertEquals("audit fee not accrued", proposals.get(0).get("reason").asText());
        assertEquals("auditor", proposals.get(0).get("proposedBy").asText());
        assertEquals("2024-02-20T09:30:00Z", proposals.get(0).get("proposedAt").asText());
        assertEquals("accepted", proposals.get(0).get("status").asText());
        assertEquals("none", proposals.get(1).get("effect").asText());
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertTrue(fields.indexOf("proposedAdjustments") < fields.indexOf("events"), fields.toString());
        assertFalse(new ObjectMapper().readTree(report(ReportFormat.JSON, List.of()).toFile()).has("proposedAdjustments"));
    }
}
