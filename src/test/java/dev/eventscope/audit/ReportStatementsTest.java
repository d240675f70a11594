package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementHtml;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementLines;
import dev.eventscope.statement.StatementRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's "Statements" section, in every format, holds the balance sheet and income statement per quarter at
 * depth 2 as the read models draw them (the report folds the events itself), and a report without it has none.
 */
class ReportStatementsTest {

    @TempDir
    Path folder;

    private Path ledger;
    private Statement balanceSheet;
    private Statement income;

    @BeforeEach
    void drawTheStatementsFromTheReadModels() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            StatementRequest request = new StatementRequest(StatementKind.BALANCE_SHEET, ReportPeriod.all(), Interval.QUARTERLY,
                    ReportStatements.DEPTH, StatementClock.ENTRY_DATE);
            balanceSheet = session.statements().draw(request);
            income = session.statements().draw(request.withKind(StatementKind.INCOME));
        }
        assertTrue(income.columns().size() > 1, "the sample spans several quarters");
    }

    private Path report(ReportFormat format, boolean withStatements) throws Exception {
        Path out = folder.resolve("report-" + withStatements + "." + format.name().toLowerCase());
        ReportGenerator generator = withStatements ? ReportGenerator.create().withStatements() : ReportGenerator.create();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); OutputStream stream = Files.newOutputStream(out)) {
            generator.write(store, ReportFiles.request(ledger, ReportScope.wholeLedger(), format), stream, ReportProgress.none());
        }
        return out;
    }

    @Test
    void html_holds_both_statements_as_tables() throws Exception {
        String html = Files.readString(report(ReportFormat.HTML, true));
        assertTrue(html.contains("<h2 id=\"statements\">Statements</h2>"));
        assertTrue(html.contains(StatementHtml.table(balanceSheet)), "the balance sheet as the read models draw it");
        assertTrue(html.contains(StatementHtml.table(income)), "the income statement as the read models draw it");
        assertTrue(html.indexOf("</table>") < html.indexOf("id=\"statements\""), "after the events' table");
        assertFalse(Files.readString(report(ReportFormat.HTML, false)).contains("Statements</h2>"));
    }

    @Test
    void json_holds_every_amount() throws Exception {
        JsonNode statements = new ObjectMapper().readTree(report(ReportFormat.JSON, true).toFile()).get("statements");
        assertEquals(2, statements.size());
        JsonNode net = statements.get(1).get("net").get("amounts");
        for (int column = 0; column < income.columns().size(); column++) {
            for (Map.Entry<String, BigDecimal> amount : income.net().get(column).entrySet()) {
                assertEquals(0, amount.getValue().compareTo(net.get(column).get(amount.getKey()).decimalValue()), "column " + column);
            }
        }
        assertEquals(income.columnHeadings(), mapper(statements.get(1).get("columns")));
        assertTrue(new ObjectMapper().readTree(report(ReportFormat.JSON, false).toFile()).get("statements") == null);
    }

    @Test
    void csv_holds_one_row_per_account_column_and_commodity() throws Exception {
        List<String> lines = Files.readAllLines(report(ReportFormat.CSV, true), StandardCharsets.UTF_8);
        String lastColumn = income.columnHeadings().get(income.columns().size() - 1);
        Map.Entry<String, BigDecimal> net = income.net().get(income.columns().size() - 1).entrySet().iterator().next();
        String expected = ",,,,,Statement " + income.title() + ",,,,Net," + net.getValue().toPlainString() + "," + net.getKey()
                + ",,," + lastColumn + ",,,,,";
        assertTrue(lines.contains(expected), "no line " + expected);
    }

    @Test
    void pdf_holds_the_section_with_the_figures() throws Exception {
        Path pdf = report(ReportFormat.PDF, true);
        String text = ReportFiles.pdfText(pdf, 1, ReportFiles.pdfPages(pdf));
        assertTrue(text.contains("Statements"));
        assertTrue(text.contains(income.title()), text);
        assertTrue(text.contains(balanceSheet.title()), text);
        List<String> netCells = StatementLines.of(income).get(StatementLines.of(income).size() - 1).cells().get(income.columns().size() - 1);
        assertTrue(text.contains(netCells.get(0)), "the income statement's last net figure " + netCells.get(0));
    }

    @Test
    void a_ledger_with_market_prices_also_gets_both_statements_valued_in_its_base_commodity() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/household-two-currencies.ledger"), folder.resolve("household.ledger"));
        Statement valuedSheet;
        Statement valuedIncome;
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            StatementRequest request = new StatementRequest(StatementKind.BALANCE_SHEET, ReportPeriod.all(), Interval.QUARTERLY,
                    ReportStatements.DEPTH, StatementClock.ENTRY_DATE).valued(dev.eventscope.statement.StatementValue.atPeriodEnds(
                    dev.eventscope.domain.ledger.ValuationTarget.in("EUR")));
            valuedSheet = session.statements().draw(request);
            valuedIncome = session.statements().draw(request.withKind(StatementKind.INCOME));
        }
        String html = Files.readString(report(ReportFormat.HTML, true));
        assertTrue(html.contains(StatementHtml.table(valuedSheet)), "the valued balance sheet as the read models draw it");
        assertTrue(html.contains(StatementHtml.table(valuedIncome)), "the valued income statement as the read models draw it");
        assertTrue(html.contains("2025-12-31  K\u010d \u2192 EUR \u00d7 0.041322314 (reverse of P 2025-12-31 EUR 24.20 K\u010d)"),
                "the prices used are named");

        JsonNode statements = new ObjectMapper().readTree(report(ReportFormat.JSON, true).toFile()).get("statements");
        assertEquals(4, statements.size());
        assertEquals(valuedIncome.title(), statements.get(3).get("title").asText());
        assertTrue(statements.get(3).get("pricesUsed").size() > 0);

        Path pdf = report(ReportFormat.PDF, true);
        String text = ReportFiles.pdfText(pdf, 1, ReportFiles.pdfPages(pdf));
        assertTrue(text.contains(valuedSheet.title()), text);
        assertTrue(text.contains("Price used: 2025-03-31"), text);
    }

    private static List<String> mapper(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
