package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.timetravel.FullReplay;
import org.junit.jupiter.api.Assumptions;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Imports a journal into a fresh ledger and checks that its balances equal {@code hledger bal} on the same
 * journal: at the end, and at each cut-off date ({@code --as-of D} inclusive is hledger's {@code -e D+1}).
 */
final class HledgerAgreement {

    private HledgerAgreement() {
    }

    static ImportSummary importAndCompare(Path journal, Path ledger, LocalDate... cutOffs) {
        return importAndCompare(journal, ledger, JournalImporter.Options.defaults(), List.of(), cutOffs);
    }

    /** {@code hledgerArguments} are passed to hledger too (e.g. {@code --auto} with the matching option). */
    static ImportSummary importAndCompare(Path journal, Path ledger, JournalImporter.Options options,
            List<String> hledgerArguments, LocalDate... cutOffs) {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        ImportSummary summary;
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            summary = new JournalImporter(LedgerCommandService.create(store))
                    .importJournal(journal, options, CommandContext.byUser("alice"), ImportProgress.NONE);
        }
        for (LocalDate cutOff : cutOffs) {
            assertEquals(Hledger.balances(journal, hledgerArguments, cutOff), ours(ledger, cutOff), "balances as of " + cutOff);
        }
        assertEquals(Hledger.balances(journal, hledgerArguments, null), ours(ledger, null), "balances at the end");
        return summary;
    }

    static Map<String, Map<String, BigDecimal>> ours(Path ledger, LocalDate asOf) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            FullReplay replay = new FullReplay(store, BookkeepingCodec.create());
            // asOf null: at the end, every posting
            return new TreeMap<>((asOf == null ? replay.balances(Long.MAX_VALUE) : replay.balances(Long.MAX_VALUE, asOf)).asMap());
        }
    }

    /** The dates of the journal's first and last transactions (by date, not by place); empty when it has none. */
    static List<LocalDate> firstAndLastDates(Path journal) throws java.io.IOException {
        return firstAndLastDates(journal, false);
    }

    /** The same, read with the journal's automated transactions applied (an assertion may count on them). */
    static List<LocalDate> firstAndLastDates(Path journal, boolean automated) throws java.io.IOException {
        LocalDate first = null;
        LocalDate last = null;
        try (JournalReader reader = automated
                ? JournalReader.openChecking(journal, JournalReadListener.NONE, JournalReader.automatedRules(journal).orThrow())
                : JournalReader.open(journal, JournalReadListener.NONE)) {
            for (JournalTransaction transaction : (Iterable<JournalTransaction>) reader.transactions()::iterator) {
                first = first == null || transaction.date().isBefore(first) ? transaction.date() : first;
                last = last == null || transaction.date().isAfter(last) ? transaction.date() : last;
            }
        }
        return first == null ? List.of() : List.of(first, last);
    }
}
