package dev.eventscope.domain.ledger;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerCommand.RecordImport;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.domain.ledger.LedgerEvent.LedgerCreated;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodClosed;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodReopened;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The ledger aggregate (stream {@code ledger}): creation and the closing and reopening of periods. */
public final class LedgerDecider {

    private static final Decider<LedgerState, LedgerCommand, LedgerEvent> DECIDER =
            new Decider<>(LedgerState.INITIAL, LedgerDecider::decide, LedgerDecider::evolve);

    private LedgerDecider() {
    }

    public static Decider<LedgerState, LedgerCommand, LedgerEvent> decider() {
        return DECIDER;
    }

    /** The events {@code command} produces; throws a {@link LedgerRuleViolation} when refused. */
    public static List<LedgerEvent> decide(LedgerCommand command, LedgerState state) {
        if (command instanceof CreateLedger create) {
            if (state.created()) {
                throw new LedgerAlreadyCreated(state.name());
            }
            if (create.name().isBlank()) {
                throw new RequiredValueMissing("ledger name");
            }
            Money.requireValidCommodity(create.baseCommodity());
            return List.of(new LedgerCreated(create.name().strip(), create.baseCommodity()));
        }
        requireCreated(state);
        if (command instanceof ClosePeriod close) {
            LocalDate closedThrough = state.closedThrough();
            if (closedThrough != null && !close.throughDate().isAfter(closedThrough)) {
                throw new PeriodAlreadyClosed(close.throughDate(), closedThrough);
            }
            return List.of(new PeriodClosed(close.throughDate()));
        }
        if (command instanceof ReopenPeriod reopen) {
            if (state.closes().isEmpty()) {
                throw new NoClosedPeriod();
            }
            if (reopen.reason().isBlank()) {
                throw new RequiredValueMissing("reason for reopening the period");
            }
            List<LocalDate> closes = state.closes();
            LocalDate previous = closes.size() > 1 ? closes.get(closes.size() - 2) : null;
            return List.of(new PeriodReopened(state.closedThrough(), previous, reopen.reason().strip()));
        }
        if (command instanceof RecordImport imported) {
            if (!imported.sha256().matches("[0-9a-f]{64}")) {
                throw new RequiredValueMissing("SHA-256 of the imported journal (64 lower-case hex digits)");
            }
            return List.of(new JournalImported(imported.journal(), imported.sha256(), imported.entries(),
                    imported.firstEntryId(), imported.lastEntryId(), imported.declaredAccountTypes(),
                    imported.commodityStyles(), imported.inferredPlaces(), imported.inferredPlacesByDate()));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** Throws {@link LedgerNotCreated} unless the ledger exists. */
    public static void requireCreated(LedgerState state) {
        if (!state.created()) {
            throw new LedgerNotCreated();
        }
    }

    public static LedgerState evolve(LedgerState state, LedgerEvent event) {
        if (event instanceof LedgerCreated created) {
            return new LedgerState(true, created.name(), created.baseCommodity(), List.of());
        }
        if (event instanceof PeriodClosed closed) {
            List<LocalDate> closes = new ArrayList<>(state.closes());
            closes.add(closed.throughDate());
            return new LedgerState(state.created(), state.name(), state.baseCommodity(), closes);
        }
        if (event instanceof PeriodReopened) {
            List<LocalDate> closes = new ArrayList<>(state.closes());
            if (!closes.isEmpty()) {
                closes.remove(closes.size() - 1);
            }
            return new LedgerState(state.created(), state.name(), state.baseCommodity(), closes);
        }
        if (event instanceof JournalImported) {
            return state;
        }
        throw new IllegalStateException("unhandled event " + event);
    }
}
