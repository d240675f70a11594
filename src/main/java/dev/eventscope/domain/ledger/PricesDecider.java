package dev.eventscope.domain.ledger;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import java.util.List;

/** The prices aggregate (stream {@code prices}): market prices, recorded one by one and never changed. */
public final class PricesDecider {

    private static final Decider<PricesState, PriceCommand, PriceEvent> DECIDER =
            new Decider<>(PricesState.INITIAL, PricesDecider::decideAlone, PricesDecider::evolve);

    private PricesDecider() {
    }

    public static Decider<PricesState, PriceCommand, PriceEvent> decider() {
        return DECIDER;
    }

    /**
     * The events {@code command} produces in a ledger in state {@code ledger}; throws a {@link LedgerRuleViolation}
     * when refused: no ledger yet, a commodity symbol that is not one, a price in the priced commodity itself or a
     * negative price. A zero price is kept, as hledger keeps it (its reverse is zero too).
     */
    public static List<PriceEvent> decide(PriceCommand command, PricesState state, LedgerState ledger) {
        LedgerDecider.requireCreated(ledger);
        return decideAlone(command, state);
    }

    private static List<PriceEvent> decideAlone(PriceCommand command, PricesState state) {
        if (command instanceof RecordPrice record) {
            Money.requireValidCommodity(record.commodity());
            Money.requireValidCommodity(record.price().commodity());
            if (record.commodity().equals(record.price().commodity())) {
                throw new PriceInItsOwnCommodity(record.commodity());
            }
            if (record.price().signum() < 0) {
                throw new NegativeMarketPrice(record.commodity(), record.price());
            }
            if (record.decimalPlaces() < 0) {
                throw new RequiredValueMissing("number of decimal places of the price (zero or more)");
            }
            return List.of(new PriceRecorded(record.date(), record.commodity(), record.price(), record.decimalPlaces()));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    public static PricesState evolve(PricesState state, PriceEvent event) {
        if (event instanceof PriceRecorded recorded) {
            boolean later = state.latestDate() == null || recorded.date().isAfter(state.latestDate());
            return new PricesState(state.recorded() + 1, later ? recorded.date() : state.latestDate());
        }
        throw new IllegalStateException("unhandled event " + event);
    }
}
