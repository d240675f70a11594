package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trip of issue 12 over every journal of the test resources ({@code src/test/resources/journals}, virtual
 * postings, unclassified accounts, display precision, lots, assertions, includes) and of {@code sample-data/}: each
 * imports with the balances {@code hledger bal} gives (at the end and at two cut-off dates), and the export of the
 * ledger is a journal whose {@code hledger bal}, and {@code hledger bal --real}, equal the original's at the same dates,
 * and whose accounts have the types {@code hledger accounts --types} gives the original's.
 */
class JournalRoundTripTest extends JournalAgreementFixture {

    static Stream<Path> journals() throws IOException {
        List<Path> journals = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/journals"), Path.of("sample-data"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(path -> path.toString().endsWith(".journal")).sorted().forEach(journals::add);
            }
        }
        assertTrue(journals.size() >= 9, "the test resources and samples hold the journals: " + journals);
        return journals.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journals")
    void every_journal_imports_and_exports_to_a_journal_with_the_same_hledger_balances(Path journal) throws Exception {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        assertTrue(Hledger.check(journal).succeeded(), Hledger.check(journal).describe());
        LocalDate[] cutOffs = cutOffs(journal);
        HledgerAgreement.importAndCompare(journal, ledger(), cutOffs);
        Path exported = folder.resolve("exported.journal");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger());
             Writer out = Files.newBufferedWriter(exported, StandardCharsets.UTF_8)) {
            new JournalExporter(store, BookkeepingCodec.create()).export(out);
        }
        assertTrue(Hledger.check(exported).succeeded(), Hledger.check(exported).describe());
        assertEquals(Hledger.accountTypes(journal), Hledger.accountTypes(exported), "the accounts' types");
        for (List<String> arguments : List.of(List.<String>of(), List.of("--real"))) {
            assertEquals(Hledger.balances(journal, arguments, null), Hledger.balances(exported, arguments, null),
                    "hledger bal " + arguments + " of the export, at the end");
            for (LocalDate cutOff : cutOffs) {
                assertEquals(Hledger.balances(journal, arguments, cutOff), Hledger.balances(exported, arguments, cutOff),
                        "hledger bal " + arguments + " of the export, as of " + cutOff);
            }
        }
    }

    /** The first transaction's date and the day halfway to the last one. */
    private static LocalDate[] cutOffs(Path journal) throws IOException {
        List<LocalDate> dates = HledgerAgreement.firstAndLastDates(journal);
        LocalDate first = dates.get(0);
        return new LocalDate[] {first, first.plusDays((dates.get(1).toEpochDay() - first.toEpochDay()) / 2)};
    }
}
