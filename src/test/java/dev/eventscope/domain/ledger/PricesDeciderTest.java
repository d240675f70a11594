package dev.eventscope.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventscope.domain.DeciderScenario;
import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The market prices")
class PricesDeciderTest {

    private static final LocalDate JANUARY_31 = LocalDate.of(2025, 1, 31);
    private static final LedgerState CREATED = new LedgerState(true, "Household", "EUR", List.of());

    private static DeciderScenario<PricesState, PriceCommand, PriceEvent> prices() {
        return DeciderScenario.forDecider(PricesDecider.decider());
    }

    private static PriceRecorded recorded(LocalDate date, String commodity, String price, String in, int places) {
        return new PriceRecorded(date, commodity, Money.of(price, in), places);
    }

    @Nested
    @DisplayName("when a price is recorded")
    class Recording {

        @Test
        void recordsThePriceWithTheDecimalPlacesItWasWrittenWith() {
            PricesState state = prices().when(new RecordPrice(JANUARY_31, "EUR", Money.of("1.080", "USD"), 3))
                    .then(recorded(JANUARY_31, "EUR", "1.08", "USD", 3)).stateAfter();
            assertEquals(new PricesState(1, JANUARY_31), state);
        }

        @Test
        void keepsAnEarlierPriceAndCountsBoth() {
            PricesState state = prices().given(recorded(JANUARY_31, "EUR", "1.08", "USD", 2))
                    .when(new RecordPrice(JANUARY_31.minusDays(30), "GBP", Money.of("1.2", "EUR"), 1))
                    .then(recorded(JANUARY_31.minusDays(30), "GBP", "1.2", "EUR", 1)).stateAfter();
            assertEquals(new PricesState(2, JANUARY_31), state, "the latest date stays the later one");
        }

        @Test
        void acceptsAZeroPriceAsHledgerDoes() {
            prices().when(new RecordPrice(JANUARY_31, "OLDCO", Money.of("0", "USD"), 0))
                    .then(recorded(JANUARY_31, "OLDCO", "0", "USD", 0));
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refusals {

        @Test
        void aPriceInTheCommodityItself() {
            PriceInItsOwnCommodity violation = prices().when(new RecordPrice(JANUARY_31, "EUR", Money.of("1", "EUR"), 0))
                    .thenRefused(PriceInItsOwnCommodity.class);
            assertEquals("The price of EUR is given in EUR itself; a market price needs another commodity, such as"
                    + " P 2025-01-31 EUR 1.08 USD.", violation.getMessage());
        }

        @Test
        void aNegativePrice() {
            NegativeMarketPrice violation = prices().when(new RecordPrice(JANUARY_31, "EUR", Money.of("-1.08", "USD"), 2))
                    .thenRefused(NegativeMarketPrice.class);
            assertEquals("The market price -1.08 USD of EUR is negative; a price says what one unit is worth and must be"
                    + " zero or more.", violation.getMessage());
        }

        @Test
        void anUnusableCommodity() {
            assertEquals(" EUR", prices().when(new RecordPrice(JANUARY_31, " EUR", Money.of("1.08", "USD"), 2))
                    .thenRefused(InvalidCommodity.class).commodity());
        }

        @Test
        void aPriceWithoutCommodity() {
            assertEquals("", prices().when(new RecordPrice(JANUARY_31, "EUR", Money.of("1.08", Money.NO_SYMBOL), 2))
                    .thenRefused(InvalidCommodity.class).commodity());
        }

        @Test
        void aPriceBeforeTheLedgerExists() {
            RecordPrice record = new RecordPrice(JANUARY_31, "EUR", Money.of("1.08", "USD"), 2);
            assertThrows(LedgerNotCreated.class, () -> PricesDecider.decide(record, PricesState.INITIAL, LedgerState.INITIAL));
            assertEquals(List.of(recorded(JANUARY_31, "EUR", "1.08", "USD", 2)),
                    PricesDecider.decide(record, PricesState.INITIAL, CREATED));
        }
    }

    @Test
    void evolvesEveryEventType() {
        for (Class<?> type : PriceEvent.class.getPermittedSubclasses()) {
            assertEquals(PriceRecorded.class, type, "a new price event needs a case in PricesDecider.evolve and a test here");
        }
        assertEquals(new PricesState(1, JANUARY_31),
                PricesDecider.evolve(PricesState.INITIAL, recorded(JANUARY_31, "EUR", "1.08", "USD", 2)));
    }
}
