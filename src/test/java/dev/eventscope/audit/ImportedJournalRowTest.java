package dev.eventscope.audit;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record of an import is a known event in an audit report, not "an event Eventscope does not know". */
class ImportedJournalRowTest {

    @TempDir
    Path folder;

    @Test
    void the_import_row_names_the_journal_its_entries_and_sha256() throws Exception {
        List<List<String>> records = reportOfImported("shop", "2025-01-02 Opening\n    assets:bank  10 EUR\n    equity:opening\n");
        int description = CsvReportWriter.COLUMNS.indexOf("description");
        List<String> imported = records.stream().filter(r -> "JournalImported".equals(r.get(5))).findFirst().orElseThrow();
        assertTrue(imported.get(description).startsWith("Imported shop.journal (1 entries, SHA-256 "), imported.get(description));
        assertEquals(1, records.stream().filter(r -> "JournalImported".equals(r.get(5))).count());
    }

    @Test
    void virtual_postings_and_unclassified_accounts_are_labelled_in_the_report() throws Exception {
        List<List<String>> records = reportOfImported("budget", """
                2025-01-02 salary
                    assets:bank  1000 EUR
                    transfers:payroll  -1000 EUR
                    (budget:food)  300 EUR
                    [budget:rent]  300 EUR
                    [budget:unallocated]  -300 EUR
                """);
        int description = CsvReportWriter.COLUMNS.indexOf("description");
        List<String> descriptions = records.stream().map(r -> r.get(description)).toList();
        assertTrue(descriptions.contains("unclassified account (Other)"), descriptions.toString());
        assertTrue(descriptions.contains("salary [virtual posting (unbalanced), not in the trial balance]"), descriptions.toString());
        assertEquals(2, descriptions.stream()
                .filter("salary [virtual posting (balanced), not in the trial balance]"::equals).count(), descriptions.toString());
        assertTrue(descriptions.stream().anyMatch(text -> text.contains("(budget:food) 300.00 EUR; [budget:rent] 300.00 EUR")),
                descriptions.toString());
    }

    /** Imports {@code text} as NAME.journal into a new ledger and returns the rows of its whole-ledger CSV report. */
    private List<List<String>> reportOfImported(String name, String text) throws Exception {
        Path journal = Files.writeString(folder.resolve(name + ".journal"), text);
        Path ledger = folder.resolve(name + ".ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("alice"), new ImportProgress() { });
        }
        Path csv = folder.resolve(name + ".csv");
        ReportFiles.write(ledger, ReportScope.wholeLedger(), ReportFormat.CSV, csv);
        return Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    }
}
