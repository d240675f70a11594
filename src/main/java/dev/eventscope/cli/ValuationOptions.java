package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.statement.StatementValue;
import dev.eventscope.timetravel.Point;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The valuation options of {@code balance}, {@code trial-balance} and {@code statement}: {@code --value COMM} (hledger's {@code -X COMM})
 * or {@code --market} (hledger's {@code -V}), on {@code --value-date}, else the {@code --as-of} date, else today (as
 * hledger's {@code -X} values a report without an end date at today's prices).
 */
final class ValuationOptions {

    @Option(names = "--value", paramLabel = "COMMODITY", description = "Show each balance's value in this commodity,"
            + " using the latest market price on or before the valuation date (direct, reverse or chained, as hledger's -X);"
            + " a balance with no price stays in its own commodity and says so.")
    String commodity;

    @Option(names = "--market", description = "Show each balance's value in its commodity's default valuation commodity"
            + " (that of its latest market price), as hledger's -V.")
    boolean market;

    @Option(names = "--value-date", paramLabel = "YYYY-MM-DD", description = "The valuation date (default: the --as-of"
            + " date, else today).")
    LocalDate date;

    /**
     * The valuation a statement asks for: each column at its end (hledger's default for -X and -V in a multi-period
     * report), or all on --value-date; empty when none was asked for.
     */
    Optional<StatementValue> forStatement() {
        return target().map(target -> new StatementValue(target, date));
    }

    /** The target asked for, or empty; refuses --value with --market, a blank --value, and --value-date alone. */
    private Optional<ValuationTarget> target() {
        if (commodity != null && market) {
            throw new CommandProblem("Give either --value COMMODITY or --market, not both.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (commodity == null && !market) {
            if (date != null) {
                throw new CommandProblem("--value-date needs --value COMMODITY or --market.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            return Optional.empty();
        }
        if (commodity != null && commodity.isBlank()) {
            throw new CommandProblem("--value needs a commodity, such as --value EUR.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        return Optional.of(market ? new ValuationTarget.DefaultCommodities() : new ValuationTarget.InCommodity(commodity.strip()));
    }

    /**
     * Refuses {@code --value COMM} when neither a recorded price nor a balance of the ledger names COMM (a typo,
     * most likely: hledger's {@code -X} would quietly show every amount unconverted), in one sentence listing the
     * commodities it could be; a ledger with no commodity at all is let through (its report says it is empty). Only the
     * prices recorded at or before {@code knownThrough} ({@link Long#MAX_VALUE}: all) count, as {@code balances} are
     * the balances at the point asked.
     */
    void requireKnownCommodity(LedgerSession session, long knownThrough, java.util.function.Supplier<Balances> balances) {
        if (commodity == null || market || commodity.isBlank()) {
            return;
        }
        String asked = commodity.strip();
        java.util.SortedSet<String> known = new java.util.TreeSet<>();
        // the prices recorded by the point asked: a commodity first priced later is as unknown as a typo then
        session.valuation(knownThrough).prices().recorded().forEach(price -> {
            known.add(price.commodity());
            known.add(price.price().commodity());
        });
        if (known.contains(asked)) {
            return;
        }
        balances.get().asMap().values().forEach(amounts -> known.addAll(amounts.keySet()));
        known.remove("");
        if (known.isEmpty() || known.contains(asked)) {
            return;
        }
        throw new CommandProblem("--value " + asked + " names a commodity that no market price and no balance of the ledger"
                + " holds, so nothing could be valued in it: give one of " + String.join(", ", known.stream().limit(12).toList())
                + (known.size() > 12 ? " (and " + (known.size() - 12) + " more)" : "") + ", as --value " + known.first() + ".",
                ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
    }

    /** Valued balances and the decimal places text shows a value in each commodity with. */
    record Answer(ValuedBalances valued, ToIntFunction<String> places) {
    }

    /**
     * The valued balances, or empty when no valuation was asked for; {@code balances} are the balances at {@code point},
     * valued in the prices recorded by then (a position, a recorded time, a date as known at one of them; else all).
     */
    Optional<Answer> value(Balances balances, LedgerOption ledger, LedgerSessions sessions, LocalDate asOf, Point point) {
        Optional<ValuationTarget> asked = target();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        ValuationTarget target = asked.get();
        LocalDate on = date != null ? date : asOf != null ? asOf : LocalDate.now();
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            // at a position or as known at a moment, the prices the ledger knew then (before session 18, only at a
            // position: --known-at valued in every price, later ones too)
            long knownThrough = session.fullReplay().positionKnownAt(point);
            requireKnownCommodity(session, knownThrough, () -> balances);
            Valuation valuation = session.valuation(knownThrough);
            return Optional.of(new Answer(valuation.value(balances, on, target),
                    valueCommodity -> valuation.displayPlaces(valueCommodity, 2)));
        }
    }
}
