package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The differential run of issue 12 over a corpus of real journals (not in the repository: public example
 * journals carry their own licences). Run it with
 * {@code mvn test -Dtest=JournalCorpusDifferentialTest -Djournal.corpus=DIR} (add {@code -Djournal.corpus.auto=true} to
 * import with {@code --auto} and compare with {@code hledger --auto}); without the property it is skipped.
 * For every {@code *.journal} directly in DIR that hledger reads, it imports the journal into a fresh ledger and
 * compares the balances with {@code hledger bal}, then exports the ledger and compares {@code hledger bal} of
 * the export with the original's. It prints {@code agree N / refused N / disagree N} and one line per journal;
 * it fails only on a disagreement, never on a refusal (a refusal names its line and is not a wrong number). A journal
 * hledger refuses is not compared; the run says whether the import refuses it too.
 */
class JournalCorpusDifferentialTest {

    @TempDir
    Path folder;

    @Test
    void no_imported_journal_disagrees_with_hledger() throws Exception {
        String corpus = System.getProperty("journal.corpus");
        Assumptions.assumeTrue(corpus != null, "set -Djournal.corpus=DIR to run the differential corpus test");
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        boolean auto = Boolean.getBoolean("journal.corpus.auto");
        List<String> hledgerArguments = auto ? List.of("--auto") : List.of();
        List<Path> journals;
        try (Stream<Path> files = Files.list(Path.of(corpus))) {
            journals = files.filter(path -> path.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Path journal : journals) {
            int lineStart = report.length();
            try {
                compare(journal, folder, hledgerArguments, report, disagreements);
            } catch (RuntimeException | java.io.IOException failure) {
                // hledger failing on the export, or our reading failing after an import: a disagreement, shown
                disagreements.add(journal.getFileName().toString());
                report.append("DISAGREE         ").append(journal.getFileName()).append(": ")
                        .append(failure.getClass().getSimpleName()).append(' ').append(failure.getMessage()).append('\n');
            } finally {
                System.out.print(report.substring(lineStart)); // each journal's line as it is done: a run takes minutes
            }
        }
        String counts = report.toString();
        int agree = (int) counts.lines().filter(line -> line.startsWith("agree ")).count();
        int refused = (int) counts.lines().filter(line -> line.startsWith("refused")).count();
        int skipped = (int) counts.lines().filter(line -> line.startsWith("hledger refuses")).count();
        int refusedToo = (int) counts.lines().filter(line -> line.endsWith("(refused too)")).count();
        System.out.printf("agree %d / refused %d / disagree %d (hledger itself refuses %d; the import refuses %d of"
                + " them too)%n", agree, refused, disagreements.size(), skipped, refusedToo);
        assertEquals(List.of(), disagreements);
    }

    private static void compare(Path journal, Path folder, List<String> hledgerArguments, StringBuilder report,
            List<String> disagreements) throws java.io.IOException {
        boolean auto = !hledgerArguments.isEmpty();
        String name = journal.getFileName().toString();
        // with --auto, hledger checks the journal with its automated postings (an assertion may count on them)
        HledgerRun check = auto ? Hledger.run(List.of("-f", journal.toString(), "--auto", "check")) : Hledger.check(journal);
        Path ledger = folder.resolve(name + ".ledger");
        if (!check.succeeded()) {
            // not comparable; shown whether the import refuses it too (reading more than hledger is no wrong number)
            boolean alsoRefused = false;
            try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
                new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                        JournalImporter.Options.defaults().withAutomated(auto), CommandContext.byUser("corpus"),
                        ImportProgress.NONE);
            } catch (RuntimeException refusal) {
                alsoRefused = true;
            }
            report.append("hledger refuses  ").append(name).append(alsoRefused ? " (refused too)" : " (imported)")
                    .append('\n');
            return;
        }
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults().withAutomated(auto), CommandContext.byUser("corpus"),
                    ImportProgress.NONE);
        } catch (JournalImportException refusal) {
            report.append("refused          ").append(name).append(": ").append(refusal.getMessage()).append('\n');
            return;
        } catch (RuntimeException unexpected) {
            // not a sentence naming file and line: counted as a refusal, but shown so it can be fixed
            report.append("refused (UNEXPECTED ").append(unexpected.getClass().getSimpleName()).append(") ")
                    .append(name).append(": ").append(unexpected.getMessage()).append('\n');
            return;
        }
        Map<String, Map<String, BigDecimal>> expectedAtEnd = Hledger.balances(journal, hledgerArguments, null);
        Map<String, Map<String, BigDecimal>> expected = expectedAtEnd;
        Map<String, Map<String, BigDecimal>> actual = Hledger.asJsonShowsThem(HledgerAgreement.ours(ledger, null));
        String cutOffDisagreement = "";
        for (LocalDate cutOff : cutOffs(journal, auto)) {
            if (!Hledger.balances(journal, hledgerArguments, cutOff)
                    .equals(Hledger.asJsonShowsThem(HledgerAgreement.ours(ledger, cutOff)))) {
                cutOffDisagreement = " (as of " + cutOff + ")";
                actual = Hledger.asJsonShowsThem(HledgerAgreement.ours(ledger, cutOff));
                expected = Hledger.balances(journal, hledgerArguments, cutOff);
                break;
            }
        }
        Path exported = folder.resolve(name + ".exported.journal");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             Writer out = Files.newBufferedWriter(exported, StandardCharsets.UTF_8)) {
            new JournalExporter(store, BookkeepingCodec.create()).export(out);
        }
        boolean roundTrip = expectedAtEnd.equals(Hledger.balancesAtEnd(exported));
        if (expected.equals(actual) && roundTrip && cutOffDisagreement.isEmpty()) {
            report.append("agree            ").append(name).append('\n');
        } else {
            disagreements.add(name);
            report.append("DISAGREE         ").append(name).append(cutOffDisagreement)
                    .append(roundTrip ? "" : " (export round trip differs)")
                    .append(": hledger ").append(expected).append(" eventscope ").append(actual).append('\n');
        }
    }

    /** The day before the first transaction's date, a day in the middle, and the day before the last one. */
    private static List<LocalDate> cutOffs(Path journal, boolean automated) throws java.io.IOException {
        List<LocalDate> dates = HledgerAgreement.firstAndLastDates(journal, automated);
        if (dates.isEmpty()) {
            return List.of();
        }
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(1);
        LocalDate middle = first.plusDays((last.toEpochDay() - first.toEpochDay()) / 2);
        return List.of(first.minusDays(1), middle, last.minusDays(1));
    }
}
