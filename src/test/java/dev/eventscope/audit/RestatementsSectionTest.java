package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.timetravel.RandomLedger;
import dev.eventscope.timetravel.RestatedLedger;
import dev.eventscope.timetravel.TimeTravelFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: every report format has a "Restatements" section. On {@link RestatedLedger} (Q1 closed, then restated by
 * a late entry L1, a reversal RR1 of R1 dated in the quarter and a sale B1 back-dated to 2024) each format lists exactly
 * those six postings with who and which command, and the effect per account; the postings are the ones
 * {@code restatements} finds from the read models. A ledger that never closed a period says so.
 */
class RestatementsSectionTest {

    @TempDir
    static Path folder;
    static Path ledger;
    static RestatedLedger planted;

    @BeforeAll
    static void plant() {
        ledger = folder.resolve("restated.ledger");
        planted = RestatedLedger.write(ledger);
    }

    private static Path report(Path of, ReportFormat format) throws Exception {
        Path out = folder.resolve(of.getFileName() + "-" + System.nanoTime() + "." + format.extension());
        ReportFiles.write(of, ReportScope.wholeLedger(), format, out);
        return out;
    }

    @Test
    void the_json_report_lists_the_postings_the_read_models_find_and_their_effect() throws Exception {
        JsonNode period = EventCodec.newObjectMapper().readTree(Files.readString(report(ledger, ReportFormat.JSON)))
                .get("restatements").get(0);
        assertEquals("2025-03-31", period.get("periodEnd").asText());
        assertEquals(planted.firstClosing, period.get("closedAtPosition").asLong());
        assertEquals("controller", period.get("closedBy").asText());
        List<Long> positions = new ArrayList<>();
        List<String> postings = new ArrayList<>();
        period.get("postings").forEach(posting -> {
            positions.add(posting.get("position").asLong());
            postings.add(posting.get("entryId").asText() + " " + posting.get("user").asText() + " " + posting.get("command").asText()
                    + " " + posting.get("reversesEntryId").asText(""));
        });
        assertEquals(List.of("L1 carol PostEntry ", "L1 carol PostEntry ", "RR1 dave ReverseEntry R1", "RR1 dave ReverseEntry R1",
                "B1 erin PostEntry ", "B1 erin PostEntry "), postings);
        List<String> effect = new ArrayList<>();
        period.get("effect").forEach(line -> effect.add(line.get("account").asText() + " "
                + line.get("change").decimalValue().stripTrailingZeros().toPlainString()));
        assertEquals(List.of("assets:bank 135", "expenses:rent -60", "income:sales -75"), effect);
        try (TimeTravelFixture fixture = new TimeTravelFixture(ledger, 5, 50)) {
            assertEquals(fixture.timeTravel.restatements(RestatedLedger.PERIOD_END, Optional.empty()).lines().stream()
                    .map(RegisterLine::position).toList(), positions, "the read models find the same postings");
        }
    }

    @Test
    void the_pdf_report_has_the_section_with_each_posting_and_the_effect() throws Exception {
        String text = ReportFiles.pdfText(report(ledger, ReportFormat.PDF), 1, 99).replaceAll("[ \\t]+", " ");
        int section = text.indexOf("Restatements\nPostings recorded after a period was closed");
        assertTrue(section > 0, text.substring(Math.max(0, text.length() - 3000)));
        String restatements = text.substring(section);
        assertTrue(restatements.contains("Period ending 2025-03-31, closed at #" + planted.firstClosing), restatements);
        assertTrue(restatements.contains("by controller: 6 postings restated it."), restatements);
        assertTrue(restatements.contains("RR1 (reverses R1)"), restatements);
        assertTrue(restatements.contains("carol") && restatements.contains("erin") && restatements.contains("ReverseEntry"),
                restatements);
        assertTrue(restatements.matches("(?s).*2025-03-31 assets:bank 135\\.00 EUR.*"), restatements);
        assertTrue(restatements.matches("(?s).*2025-03-31 income:sales -75\\.00 EUR.*"), restatements);
        assertTrue(!restatements.substring(0, restatements.indexOf("End of report")).contains("T2"),
                "an entry dated after the quarter restates nothing");
    }

    @Test
    void the_html_report_links_each_posting_to_its_event_and_the_csv_marks_its_rows() throws Exception {
        String html = Files.readString(report(ledger, ReportFormat.HTML), StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<h2 id=\"restatements\">Restatements</h2>"));
        assertTrue(section.contains("<a href=\"#p" + planted.lateEntry + "\">#" + planted.lateEntry + "</a>"), section);
        assertTrue(section.contains("<td>RR1 (reverses R1)</td>"), section);
        assertTrue(section.contains("<td>expenses:rent</td><td>-60.00 EUR</td>"), section);

        List<List<String>> csv = Csv.parse(Files.readString(report(ledger, ReportFormat.CSV), StandardCharsets.UTF_8));
        int type = CsvReportWriter.COLUMNS.indexOf("event_type");
        int entry = CsvReportWriter.COLUMNS.indexOf("entry_id");
        assertEquals(List.of("L1", "L1", "RR1", "RR1", "B1", "B1"), csv.stream()
                .filter(row -> row.size() > type && row.get(type).equals("Restatement")).map(row -> row.get(entry)).toList());
        assertEquals(3, csv.stream().filter(row -> row.size() > type && row.get(type).equals("Restatement effect")).count());
    }

    @Test
    void a_ledger_that_never_closed_a_period_says_nothing_was_restated() throws Exception {
        Path random = folder.resolve("random.ledger");
        RandomLedger.writeLedger(random, 7, "p", 4, 10);
        String html = Files.readString(report(random, ReportFormat.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"restatements\">Restatements</h2>\n<p>No period was closed, so no figure was"
                + " restated after its closing.</p>"), html);
        String pdf = ReportFiles.pdfText(report(random, ReportFormat.PDF), 1, 99);
        assertTrue(pdf.contains("No period was closed, so no figure was restated after its closing."), pdf);
    }
}
