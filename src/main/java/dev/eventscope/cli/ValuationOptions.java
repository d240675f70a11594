package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.Valuation;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The valuation options of {@code balance} and {@code trial-balance}: {@code --value COMM} (hledger's {@code -X COMM})
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

    /** Valued balances and the decimal places text shows a value in each commodity with. */
    record Answer(ValuedBalances valued, ToIntFunction<String> places) {
    }

    /** The valued balances, or empty when no valuation was asked for. */
    Optional<Answer> value(Balances balances, LedgerOption ledger, LedgerSessions sessions, LocalDate asOf,
                                   long atPosition) {
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
        ValuationTarget target = market ? new ValuationTarget.DefaultCommodities()
                : new ValuationTarget.InCommodity(commodity.strip());
        LocalDate on = date != null ? date : asOf != null ? asOf : LocalDate.now();
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            // at a position, the prices the ledger knew then
            Valuation valuation = session.valuation(atPosition > 0 ? atPosition : Long.MAX_VALUE);
            return Optional.of(new Answer(valuation.value(balances, on, target),
                    valueCommodity -> valuation.displayPlaces(valueCommodity, 2)));
        }
    }
}
