package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.BalanceBlob;
import dev.eventscope.projection.BalanceCheckpoint;
import dev.eventscope.projection.DateCheckpoint;
import dev.eventscope.projection.LedgerQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * Both clocks at once: every balance as of an entry date D as the ledger stood at a knowledge position K,
 * from the balances projection's checkpoints and register, never by replay. Two ways, each exact:
 * <ul>
 *   <li>{@link Strategy#FROM_DATE_CHECKPOINT}: the date checkpoint on or before D (which holds the postings
 *   dated on or before its date up to its position P), moved to K by the postings dated on or before its date
 *   recorded between P and K (added when K is after P, taken off when before), plus the postings dated after
 *   its date and on or before D recorded at or before K. It reads about |K − P| register rows.</li>
 *   <li>{@link Strategy#FROM_POSITION_CHECKPOINT}: the balance checkpoint at or below K plus the register lines
 *   up to K, less the postings recorded at or before K and dated after D. It reads the lines since the
 *   checkpoint and every posting dated after D known at K.</li>
 * </ul>
 * {@link Strategy#CHEAPER} picks the one that reads fewer rows by an estimate: for the second, postings are
 * assumed to be recorded after their date, so those dated after D and known at K are about the positions
 * between the last one recorded on D and K.
 */
final class KnownAtBalances {

    /** How the answer is read; the answer is the same either way. */
    enum Strategy { CHEAPER, FROM_DATE_CHECKPOINT, FROM_POSITION_CHECKPOINT }

    private final LedgerAtPoint ledger;
    private final LedgerQueries queries;

    KnownAtBalances(LedgerAtPoint ledger) {
        this.ledger = ledger;
        this.queries = ledger.queries();
    }

    LedgerBalances balances(Point.AsKnownAt point, Strategy strategy) {
        long knownAt = ledger.positionOf(point.knownAt());
        ledger.ensureRegister(knownAt);
        DateCheckpoint dated = ledger.verifiedDateCheckpointOnOrBefore(point.date());
        BalanceCheckpoint positioned = ledger.verifiedCheckpointAtOrBelow(knownAt);
        Strategy chosen = strategy;
        if (strategy == Strategy.CHEAPER) {
            long fromDate = Math.abs(knownAt - dated.position());
            long recordedByEndOfDate = ledger.positionOf(Point.endOfDay(point.date()));
            long fromPosition = (knownAt - positioned.position()) + Math.max(0, knownAt - recordedByEndOfDate);
            chosen = fromDate <= fromPosition ? Strategy.FROM_DATE_CHECKPOINT : Strategy.FROM_POSITION_CHECKPOINT;
        }
        return chosen == Strategy.FROM_DATE_CHECKPOINT
                ? fromDateCheckpoint(point, knownAt, dated) : fromPositionCheckpoint(point, knownAt, positioned);
    }

    private LedgerBalances fromDateCheckpoint(Point.AsKnownAt point, long knownAt, DateCheckpoint checkpoint) {
        Balances.Fold balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        LedgerQueries.RegisterSink add = counting(balances, lines, false);
        if (checkpoint.date() != null) {
            if (knownAt > checkpoint.position()) {
                queries.registerAmountsRecordedBetween(checkpoint.position(), knownAt, checkpoint.date(), add);
            } else if (knownAt < checkpoint.position()) {
                queries.registerAmountsRecordedBetween(knownAt, checkpoint.position(), checkpoint.date(),
                        counting(balances, lines, true));
            }
        }
        queries.registerAmountsDatedBetween(checkpoint.date(), point.date(), knownAt,
                (date, account, commodity, amount) -> add.amount(account, commodity, amount));
        return new LedgerBalances(point, knownAt, balances.balances(), checkpoint.position(), lines[0]);
    }

    private LedgerBalances fromPositionCheckpoint(Point.AsKnownAt point, long knownAt, BalanceCheckpoint checkpoint) {
        Balances.Fold balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        queries.registerAmountsBetween(checkpoint.position(), knownAt, counting(balances, lines, false));
        LedgerQueries.RegisterSink takeOff = counting(balances, lines, true);
        queries.registerAmountsDatedBetween(point.date(), null, knownAt,
                (date, account, commodity, amount) -> takeOff.amount(account, commodity, amount));
        return new LedgerBalances(point, knownAt, balances.balances(), checkpoint.position(), lines[0]);
    }

    /**
     * One account's balances as of a date known at a position: the account's line of the date checkpoint moved
     * to the position as in {@link Strategy#FROM_DATE_CHECKPOINT}, through the (account, date, position) index.
     */
    SortedMap<String, BigDecimal> account(String account, LocalDate date, long knownAt) {
        DateCheckpoint checkpoint = ledger.verifiedDateCheckpointOnOrBefore(date);
        SortedMap<String, BigDecimal> balances = BalanceBlob.decodeAccount(checkpoint.data(), account);
        LedgerQueries.AccountPostingSink add = (position, postingDate, commodity, amount) ->
                balances.merge(commodity, amount, BigDecimal::add);
        if (checkpoint.date() != null) {
            if (knownAt > checkpoint.position()) {
                queries.accountPostingsRecordedBetween(account, checkpoint.position(), knownAt, checkpoint.date(), add);
            } else if (knownAt < checkpoint.position()) {
                queries.accountPostingsRecordedBetween(account, knownAt, checkpoint.position(), checkpoint.date(),
                        (position, postingDate, commodity, amount) -> balances.merge(commodity, amount.negate(), BigDecimal::add));
            }
        }
        queries.accountPostingsDatedBetween(account, checkpoint.date(), date, knownAt, add);
        return balances;
    }

    private static LedgerQueries.RegisterSink counting(Balances.Fold balances, long[] lines, boolean takeOff) {
        return (account, commodity, amount) -> {
            balances.add(account, commodity, takeOff ? amount.negate() : amount);
            lines[0]++;
        };
    }
}
