package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The household sample's prices as of a date count the prices dated on or before it, as its balances count entries. */
class PricesStateAsOfTest {

    @Test
    void the_prices_as_of_a_date_are_those_dated_on_or_before_it(@TempDir Path folder) throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/household-two-currencies.ledger"), folder.resolve("h.ledger"));
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(dev.eventscope.projection.ProgressListener.NONE);
            TimeTravel timeTravel = session.timeTravel();
            StreamId prices = StreamId.of("prices");
            // month ends from January, crowns at the end of April and May too
            assertEquals(new PricesState(8, LocalDate.of(2025, 6, 30)),
                    timeTravel.stateOf(prices, new Point.AsOfDate(LocalDate.of(2025, 7, 15))).state());
            assertEquals(new PricesState(0, null), timeTravel.stateOf(prices, new Point.AsOfDate(LocalDate.of(2025, 1, 30))).state());
            assertEquals(new PricesState(16, LocalDate.of(2025, 12, 31)), timeTravel.stateOf(prices, new Point.Latest()).state());
        }
    }
}
