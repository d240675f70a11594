package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a ledger someone edited with a plain SQLite tool, the report says where, first and loudly. */
class TamperedLedgerReportTest {

    private static final long ALTERED = 11;

    @TempDir
    Path folder;

    private Path tamperedLedger() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        // position 11 is bob's posting of Invoice 7 to the bank; make it 2,500.50 instead of 250.50
        AuditFixtures.tamper(ledger, ALTERED, "replace(data, '250.5', '2500.5')");
        return ledger;
    }

    @Test
    void the_pdf_states_the_altered_position_on_its_first_page_before_anything_else() throws Exception {
        Path ledger = tamperedLedger();
        Path pdf = folder.resolve("tampered.pdf");
        ReportOutcome outcome = ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.PDF, pdf);
        assertFalse(outcome.integrity().intact());
        String firstPage = ReportFiles.pdfText(pdf, 1, 1);
        int alarm = firstPage.indexOf("LEDGER ALTERED AT POSITION " + ALTERED);
        assertTrue(alarm >= 0, firstPage);
        assertTrue(alarm < firstPage.indexOf("Ledger id"), "the alarm comes before the header details");
        assertTrue(firstPage.contains("intact only through position " + (ALTERED - 1)), firstPage);
        String all = ReportFiles.pdfText(pdf, 1, 99);
        assertTrue(all.contains("[ALTERED:"), all);
        assertTrue(all.contains("2500.50 EUR"), "the report shows the data as it is now: " + all);
    }

    @Test
    void the_json_and_html_name_the_altered_position_too() throws Exception {
        Path ledger = tamperedLedger();
        Path json = folder.resolve("tampered.json");
        ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.JSON, json);
        JsonNode integrity = EventCodec.newObjectMapper().readTree(json.toFile()).path("integrity");
        assertFalse(integrity.path("intact").asBoolean());
        assertEquals(ALTERED, integrity.path("alteredPosition").asLong());
        assertEquals("ALTERED", integrity.path("kind").asText());
        assertEquals(ALTERED - 1, integrity.path("verifiedThroughPosition").asLong());

        Path html = folder.resolve("tampered.html");
        ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.HTML, html);
        String page = Files.readString(html);
        assertTrue(page.indexOf("LEDGER ALTERED AT POSITION " + ALTERED) < page.indexOf("<h2>Summary</h2>"));
        assertTrue(page.contains("class=\"integrity altered\""));
    }
}
