package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signed sample reports in {@code sample-data/reports} (made by its {@code make-sample-reports.sh}): each one's
 * signature is valid and its head hash is the sample ledger's it was made from, and the whole-ledger reports carry
 * the Restatements and Statements sections as the current code writes them.
 */
class SampleReportsTest {

    private static final Path REPORTS = Path.of("sample-data", "reports");

    @TempDir
    Path folder;

    static Stream<Path> reports() throws Exception {
        try (Stream<Path> files = Files.list(REPORTS)) {
            return files.filter(file -> file.toString().matches(".*\\.(pdf|html|csv|json)$")).sorted().toList().stream();
        }
    }

    /** The sample ledger a report was made from: the name before its first '-' or '.', or the two-word sample names. */
    private Path ledgerOf(Path report) throws Exception {
        String name = report.getFileName().toString();
        String sample = Stream.of("audit-case", "small-business", "household-two-currencies", "tampered")
                .filter(name::startsWith).findFirst().orElseThrow();
        Path copy = folder.resolve(sample + ".ledger");
        if (!Files.exists(copy)) {
            Files.copy(Path.of("sample-data", "ledgers", sample + ".ledger"), copy);
        }
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void every_sample_report_is_signed_and_made_from_its_sample_ledger(Path report) throws Exception {
        assertTrue(Files.exists(ReportSigner.signatureFile(report)), "a .sig beside " + report);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledgerOf(report))) {
            ReportVerification verification = new ReportVerifier().verify(report, store);
            assertTrue(verification.valid(), verification.message());
        }
    }

    @Test
    void there_are_the_documented_reports() throws Exception {
        assertEquals(List.of("audit-case-entry-JE-2025-0026.letter.pdf", "audit-case-user-m.vogt.html", "audit-case.csv",
                "audit-case.html", "audit-case.json", "audit-case.pdf", "household-two-currencies.html",
                "small-business-checking-Q2.pdf", "tampered.pdf"), reports().map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void the_audit_case_reports_carry_the_restatements_and_the_statements_the_code_writes_now() throws Exception {
        String html = Files.readString(REPORTS.resolve("audit-case.html"));
        assertTrue(html.contains("<h2 id=\"restatements\">Restatements</h2>"), "Restatements section");
        assertTrue(html.substring(html.indexOf("id=\"restatements\"")).contains("JE-2025-0100"), "the late correction restates Q1");
        assertTrue(html.contains("<h2 id=\"statements\">Statements</h2>"), "Statements section");

        JsonNode json = new ObjectMapper().readTree(REPORTS.resolve("audit-case.json").toFile());
        assertTrue(json.get("restatements").size() > 0, "restatements in JSON");
        List<Statement> expected;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledgerOf(REPORTS.resolve("audit-case.json")))) {
            expected = ReportStatements.of(store, BookkeepingCodec.create(), store.lastPosition(), "EUR");
        }
        JsonNode statements = json.get("statements");
        assertEquals(expected.size(), statements.size());
        for (int index = 0; index < expected.size(); index++) {
            Statement statement = expected.get(index);
            assertEquals(statement.title(), statements.get(index).get("title").asText());
            JsonNode net = statements.get(index).get(statement.netName().toLowerCase(java.util.Locale.ROOT)).get("amounts");
            for (int column = 0; column < statement.columns().size(); column++) {
                for (Map.Entry<String, BigDecimal> amount : statement.net().get(column).entrySet()) {
                    assertEquals(0, amount.getValue().compareTo(net.get(column).get(amount.getKey()).decimalValue()),
                            statement.title() + " column " + column);
                }
            }
        }
        for (String format : List.of("pdf", "csv")) {
            String text = format.equals("pdf") ? ReportFiles.pdfText(REPORTS.resolve("audit-case.pdf"), 1,
                    ReportFiles.pdfPages(REPORTS.resolve("audit-case.pdf"))) : Files.readString(REPORTS.resolve("audit-case.csv"));
            assertTrue(text.contains("Restatement"), format + " has restatements");
            assertTrue(text.contains(expected.get(0).title()), format + " has the balance sheet");
        }
    }

    @Test
    void the_household_report_values_its_statements_in_euros_with_the_prices_used() throws Exception {
        String html = Files.readString(REPORTS.resolve("household-two-currencies.html"));
        assertTrue(html.contains("<h3>Balance Sheet 2025-03-31..2025-12-31, valued in EUR at period ends</h3>"), "valued balance sheet");
        assertTrue(html.contains("<h3>Income Statement 2025Q1..2025Q4, valued in EUR at period ends</h3>"), "valued income statement");
        assertTrue(html.contains("reverse of P 2025-12-31 EUR 1.17 $"), "the prices used");
    }
}
