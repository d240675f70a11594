package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.date;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventscope.domain.DeciderScenario;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;
import dev.eventscope.domain.ledger.LedgerEvent.LedgerCreated;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodClosed;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodReopened;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The ledger")
class LedgerDeciderTest {

    private static final LedgerCreated CREATED = new LedgerCreated("Acme GmbH", "EUR");

    private static DeciderScenario<LedgerState, LedgerCommand, LedgerEvent> ledger() {
        return DeciderScenario.forDecider(LedgerDecider.decider());
    }

    @Nested
    @DisplayName("when not yet created")
    class NotCreated {

        @Test
        void isCreatedWithANameAndBaseCommodity() {
            LedgerState state = ledger().when(new CreateLedger("Acme GmbH", "EUR")).then(CREATED).stateAfter();
            assertEquals(new LedgerState(true, "Acme GmbH", "EUR", List.of()), state);
            assertNull(state.closedThrough());
        }

        @Test
        void refusesABlankName() {
            RequiredValueMissing violation = ledger().when(new CreateLedger("  ", "EUR"))
                    .thenRefused(RequiredValueMissing.class);
            assertEquals("The ledger name is missing; the books need it to record this.", violation.getMessage());
        }

        @Test
        void refusesAnUnusableBaseCommodity() {
            assertEquals(" EUR", ledger().when(new CreateLedger("Acme", " EUR"))
                    .thenRefused(InvalidCommodity.class).commodity());
        }

        @Test
        void refusesToClosePeriods() {
            LedgerNotCreated violation = ledger().when(new ClosePeriod(date("2024-03-31")))
                    .thenRefused(LedgerNotCreated.class);
            assertEquals("The ledger has not been created yet; create it with a name and a base commodity first.",
                    violation.getMessage());
        }

        @Test
        void refusesToReopenPeriods() {
            ledger().when(new ReopenPeriod("audit")).thenRefused(LedgerNotCreated.class);
        }
    }

    @Nested
    @DisplayName("when created")
    class Created {

        @Test
        void refusesToBeCreatedAgain() {
            LedgerAlreadyCreated violation = ledger().given(CREATED).when(new CreateLedger("Other", "USD"))
                    .thenRefused(LedgerAlreadyCreated.class);
            assertEquals("The ledger \"Acme GmbH\" already exists; a ledger is created only once.",
                    violation.getMessage());
        }

        @Test
        void closesAPeriod() {
            LedgerState state = ledger().given(CREATED).when(new ClosePeriod(date("2024-03-31")))
                    .then(new PeriodClosed(date("2024-03-31"))).stateAfter();
            assertEquals(date("2024-03-31"), state.closedThrough());
            assertTrue(state.periodIsClosedOn(date("2024-03-31")));
            assertTrue(state.periodIsClosedOn(date("2023-12-31")));
            assertEquals(false, state.periodIsClosedOn(date("2024-04-01")));
        }

        @Test
        void refusesToReopenWhenNothingIsClosed() {
            NoClosedPeriod violation = ledger().given(CREATED).when(new ReopenPeriod("audit"))
                    .thenRefused(NoClosedPeriod.class);
            assertEquals("There is no closed period to reopen; the books are open for every date.",
                    violation.getMessage());
        }
    }

    @Nested
    @DisplayName("when a period is closed")
    class PeriodIsClosed {

        private final DeciderScenario<LedgerState, LedgerCommand, LedgerEvent> closedThroughMarch =
                ledger().given(CREATED, new PeriodClosed(date("2024-03-31")));

        @Test
        void closesALaterPeriod() {
            LedgerState state = closedThroughMarch.when(new ClosePeriod(date("2024-06-30")))
                    .then(new PeriodClosed(date("2024-06-30"))).stateAfter();
            assertEquals(List.of(date("2024-03-31"), date("2024-06-30")), state.closes());
        }

        @Test
        void refusesToCloseTheSameDateAgain() {
            PeriodAlreadyClosed violation = closedThroughMarch.when(new ClosePeriod(date("2024-03-31")))
                    .thenRefused(PeriodAlreadyClosed.class);
            assertEquals(date("2024-03-31"), violation.closedThrough());
            assertEquals("The books cannot be closed through 2024-03-31 because they are already closed through"
                    + " 2024-03-31; a new close must come after the last one.", violation.getMessage());
        }

        @Test
        void refusesToCloseAnEarlierDate() {
            assertEquals(date("2024-01-31"), closedThroughMarch.when(new ClosePeriod(date("2024-01-31")))
                    .thenRefused(PeriodAlreadyClosed.class).requestedThrough());
        }

        @Test
        void reopensToNoCloseAtAll() {
            LedgerState state = closedThroughMarch.when(new ReopenPeriod(" late invoice "))
                    .then(new PeriodReopened(date("2024-03-31"), null, "late invoice")).stateAfter();
            assertNull(state.closedThrough());
        }

        @Test
        void reopensBackToThePreviousClose() {
            LedgerState state = closedThroughMarch.given(new PeriodClosed(date("2024-06-30")))
                    .when(new ReopenPeriod("audit adjustment"))
                    .then(new PeriodReopened(date("2024-06-30"), date("2024-03-31"), "audit adjustment"))
                    .stateAfter();
            assertEquals(date("2024-03-31"), state.closedThrough());
        }

        @Test
        void refusesToReopenWithoutAReason() {
            assertEquals("reason for reopening the period",
                    closedThroughMarch.when(new ReopenPeriod("")).thenRefused(RequiredValueMissing.class).what());
        }
    }

    @Test
    @DisplayName("evolve handles every LedgerEvent")
    void evolveHandlesEveryEvent() {
        LocalDate day = date("2024-03-31");
        Map<Class<?>, LedgerEvent> samples = Stream.of(
                        CREATED, new PeriodClosed(day), new PeriodReopened(day, null, "reason"),
                        new LedgerEvent.JournalImported("books.journal", "0".repeat(64), 2, EntryId.of("E1"), EntryId.of("E2")))
                .collect(Collectors.toMap(Object::getClass, Function.identity()));
        assertEquals(Set.of(LedgerEvent.class.getPermittedSubclasses()), samples.keySet());
        LedgerState created = LedgerDecider.evolve(LedgerState.INITIAL, CREATED);
        samples.values().forEach(event -> assertDoesNotThrow(() -> LedgerDecider.evolve(created, event)));
    }
}
