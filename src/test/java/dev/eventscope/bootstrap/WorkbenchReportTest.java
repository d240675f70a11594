package dev.eventscope.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.cli.ExitCodes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: findings (with their links) and journal-entry test results go into every report format, inside
 * the signed file: changing a finding's note breaks the signature.
 */
class WorkbenchReportTest {

    @TempDir
    static Path folder;

    private static Path ledger;
    private static Path findings;
    private static Path keys;

    @BeforeAll
    static void findingsOnTheAuditCase() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        findings = folder.resolve("findings");
        keys = folder.resolve("keys");
        RealCli added = RealCli.run("findings", "add", "--ledger", ledger.toString(), "--findings-dir", findings.toString(), "--user",
                "auditor", "--entry", "JE-2025-0100", "--severity", "high", "--note", "Late correction approved by the controller");
        assertEquals(ExitCodes.OK, added.exitCode(), added.err());
        RealCli.run("findings", "add", "--ledger", ledger.toString(), "--findings-dir", findings.toString(), "--user", "auditor",
                "--at", "2025-05-06T12:00:00Z", "--severity", "info", "--note", "State before the reopening");
    }

    private static Path report(String format, String... extra) {
        Path out = folder.resolve("report-" + format + extra.length + "." + format);
        String[] args = {"report", "--ledger", ledger.toString(), "--format", format, "-o", out.toString(), "--force",
                "--findings-dir", findings.toString(), "--key-dir", keys.toString()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra)).toArray(String[]::new);
        RealCli run = RealCli.run(all);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return out;
    }

    @Test
    void html_lists_the_findings_linked_to_their_events_and_the_tests_and_the_signature_covers_them() throws Exception {
        Path html = report("html", "--tests");
        String text = Files.readString(html);
        assertTrue(text.contains("<td>entry JE-2025-0100</td><td><a href=\"#p335\">#335</a></td>"), "the finding links to the entry's event");
        assertTrue(text.contains("<td>the ledger as of 2025-05-06T12:00:00Z</td><td></td>"), "a point in time names no event");
        assertTrue(text.contains("<h2 id=\"tests\">Journal-entry tests</h2>"));
        assertTrue(text.contains("<td>late-postings</td><td>JE-2025-0100</td><td><a href=\"#p335\">#335</a></td>"));
        assertTrue(text.contains("id=\"p335\""), "the event row the links open is in the report");
        assertEquals(ExitCodes.OK, RealCli.run("verify-report", html.toString(), "--key-dir", keys.toString()).exitCode());

        Files.writeString(html, text.replace("approved by the controller", "approved by the auditor"), StandardCharsets.UTF_8);
        RealCli changed = RealCli.run("verify-report", html.toString(), "--key-dir", keys.toString());
        assertEquals(5, changed.exitCode(), "a changed finding breaks the signature: " + changed.out() + changed.err());
    }

    @Test
    void json_csv_and_pdf_carry_the_findings_and_the_flags() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report("json", "--tests").toFile());
        assertEquals(List.of("F-0001", "F-0002"), json.get("findings").findValuesAsText("id"));
        assertEquals(335, json.get("findings").get(0).get("position").asLong());
        assertEquals(12, json.get("tests").size());
        assertEquals("JE-2025-0100", json.get("tests").get(0).get("flagged").get(0).get("entryId").asText());
        assertEquals(5, json.get("tests").get(11).get("benford").size());

        List<String> csv = Files.readAllLines(report("csv", "--tests"));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("335,") && line.contains(",,auditor,,Finding F-0001,")), String.join("\n", csv.subList(csv.size() - 3, csv.size())));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("335,,,,,Test late-postings,,JE-2025-0100,")));

        try (PDDocument pdf = Loader.loadPDF(report("pdf", "--tests").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Findings") && text.contains("F-0001") && text.contains("Journal-entry tests"), "the PDF has the sections");
            assertTrue(text.contains("Late correction approved by the controller"));
        }
    }

    @Test
    void in_json_csv_and_pdf_too_the_signature_covers_the_findings() throws Exception {
        for (String format : List.of("json", "csv")) {
            Path signed = report(format, "--tests", "--by", "entry-date");
            assertEquals(ExitCodes.OK, RealCli.run("verify-report", signed.toString(), "--key-dir", keys.toString()).exitCode(), format);
            String text = Files.readString(signed);
            assertTrue(text.contains("approved by the controller"), format + " carries the finding's note");
            Files.writeString(signed, text.replace("approved by the controller", "approved by the auditor"), StandardCharsets.UTF_8);
            RealCli changed = RealCli.run("verify-report", signed.toString(), "--key-dir", keys.toString());
            assertEquals(5, changed.exitCode(), format + ": a changed finding breaks the signature: " + changed.out() + changed.err());
        }
        // a PDF's signature covers its bytes as written (the findings are in them: json_csv_and_pdf_carry_the_findings_and_the_flags)
        Path pdf = report("pdf", "--tests", "--by", "entry-date");
        assertEquals(ExitCodes.OK, RealCli.run("verify-report", pdf.toString(), "--key-dir", keys.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pdf, bytes);
        assertEquals(5, RealCli.run("verify-report", pdf.toString(), "--key-dir", keys.toString()).exitCode());
    }

    @Test
    void without_tests_and_with_no_findings_the_report_has_no_workbench_section() throws Exception {
        String plain = Files.readString(report("html", "--no-findings"));
        assertFalse(plain.contains("<h2 id=\"findings\">"));
        assertFalse(plain.contains("<h2 id=\"tests\">"));
        String findingsOnly = Files.readString(report("html"));
        assertTrue(findingsOnly.contains("<h2 id=\"findings\">") && !findingsOnly.contains("<h2 id=\"tests\">"));
    }
}
