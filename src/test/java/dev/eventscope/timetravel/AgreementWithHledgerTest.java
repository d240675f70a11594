package dev.eventscope.timetravel;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.JournalSummary;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time travel's balances as of random dates equal {@code hledger bal -e} on the journal the ledger was imported from. */
class AgreementWithHledgerTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void balances_as_of_random_dates_equal_hledger(long seed) {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
        Path journal = folder.resolve("random-" + seed + ".journal");
        JournalSummary summary = new RandomJournalGenerator(seed, 300).writeTo(journal);
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger-" + seed + ".sqlite"), 97, 500)) {
            new JournalImporter(LedgerCommandService.create(fixture.store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("importer"), ImportProgress.NONE);
            Random random = new Random(seed);
            long days = summary.lastDate().toEpochDay() - summary.firstDate().toEpochDay();
            for (int i = 0; i < 5; i++) {
                LocalDate asOf = summary.firstDate().plusDays((long) (random.nextDouble() * (days + 1)));
                assertEquals(Hledger.balances(journal, asOf),
                        fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(asOf)).balances().asMap(), "as of " + asOf);
            }
            assertEquals(Hledger.balancesAtEnd(journal), fixture.timeTravel.ledgerBalancesAt(new Point.Latest()).balances().asMap());
        }
    }
}
