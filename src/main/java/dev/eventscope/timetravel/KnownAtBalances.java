package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.projection.BalanceBlob;
import dev.eventscope.projection.BalanceCheckpoint;
import dev.eventscope.projection.DateSpan;
import dev.eventscope.projection.LedgerQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * Both clocks at once: every balance as of an entry date D as the ledger stood at a knowledge position K,
 * from the balances projection's checkpoints and register, never by replay. Two ways, each exact:
 * <ul>
 *   <li>{@link KnownAtStrategy#FROM_DATE_CHECKPOINT}: the date checkpoint on or before D (which holds the postings
 *   dated on or before its date up to its position P), moved to K by the postings dated on or before its date
 *   recorded between P and K (added when K is after P, taken off when before), plus the postings dated after
 *   its date and on or before D recorded at or before K. It reads about |K − P| register rows.</li>
 *   <li>{@link KnownAtStrategy#FROM_POSITION_CHECKPOINT}: the balance checkpoint at or below K plus the register lines
 *   up to K, less the postings recorded at or before K and dated after D. It reads the lines since the
 *   checkpoint and every posting dated after D known at K.</li>
 * </ul>
 * {@link KnownAtStrategy#CHEAPER} picks the cheaper: the first passes over about |K − P| rows by position (each
 * costing about an eighth of a row added up), the second adds up the lines since its checkpoint and the postings dated
 * after D known at K, which are counted on the (date, position) index only as far as would make it the dearer.
 */
final class KnownAtBalances {

    /**
     * How many register rows a range read by position passes over (checking only the date) for the cost of one row
     * it reads and adds up; measured by {@code KnownAtBenchmark} (docs/two-clocks.md).
     */
    private static final long SCANNED_PER_READ = 8;

    private final LedgerAtPoint ledger;
    private final LedgerQueries queries;

    KnownAtBalances(LedgerAtPoint ledger) {
        this.ledger = ledger;
        this.queries = ledger.queries();
    }

    LedgerBalances balances(Point.AsKnownAt point, KnownAtStrategy strategy) {
        long knownAt = ledger.positionOf(point.knownAt());
        ledger.ensureRegister(knownAt);
        DateStart dated = ledger.verifiedDateCheckpointOnOrBefore(point.date());
        BalanceCheckpoint positioned = ledger.verifiedCheckpointAtOrBelow(knownAt);
        KnownAtStrategy chosen = strategy;
        if (strategy == KnownAtStrategy.CHEAPER) {
            // the first way walks |K - P| rows by position but adds up only those dated on or before its date
            long fromDate = Math.abs(knownAt - dated.position()) / SCANNED_PER_READ;
            // the lines since the position checkpoint (at most its interval): counted, as a third of positions are no posting
            long sinceCheckpoint = queries.countRegisterBetween(positioned.position(), knownAt);
            // the postings dated after D known at K, counted only as far as would make the position way dearer
            long datedAfter = sinceCheckpoint >= fromDate ? 0
                    : queries.countRegisterDatedAfter(point.date(), knownAt, fromDate - sinceCheckpoint);
            chosen = sinceCheckpoint + datedAfter < fromDate
                    ? KnownAtStrategy.FROM_POSITION_CHECKPOINT : KnownAtStrategy.FROM_DATE_CHECKPOINT;
        }
        return chosen == KnownAtStrategy.FROM_DATE_CHECKPOINT
                ? fromDateCheckpoint(point, knownAt, dated) : fromPositionCheckpoint(point, knownAt, positioned);
    }

    private LedgerBalances fromDateCheckpoint(Point.AsKnownAt point, long knownAt, DateStart start) {
        Balances.Fold balances = BalanceBlob.decode(start.data());
        long[] lines = {0};
        LedgerQueries.RegisterSink add = counting(balances, lines, false);
        start.checkpoint().ifPresent(checkpoint -> {
            if (knownAt > checkpoint.position()) {
                queries.registerAmountsRecordedBetween(checkpoint.position(), knownAt, checkpoint.date(), add);
            } else if (knownAt < checkpoint.position()) {
                queries.registerAmountsRecordedBetween(knownAt, checkpoint.position(), checkpoint.date(),
                        counting(balances, lines, true));
            }
        });
        queries.registerAmountsDatedBetween(start.datesUpTo(point.date()), knownAt,
                (date, account, commodity, amount) -> add.amount(account, commodity, amount));
        return new LedgerBalances(point, knownAt, balances.balances(), start.position(), lines[0]);
    }

    private LedgerBalances fromPositionCheckpoint(Point.AsKnownAt point, long knownAt, BalanceCheckpoint checkpoint) {
        Balances.Fold balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        queries.registerAmountsBetween(checkpoint.position(), knownAt, counting(balances, lines, false));
        LedgerQueries.RegisterSink takeOff = counting(balances, lines, true);
        queries.registerAmountsDatedBetween(DateSpan.after(point.date()), knownAt,
                (date, account, commodity, amount) -> takeOff.amount(account, commodity, amount));
        return new LedgerBalances(point, knownAt, balances.balances(), checkpoint.position(), lines[0]);
    }

    /**
     * One account's balances as of a date known at a position: the account's line of the date checkpoint moved
     * to the position as in {@link KnownAtStrategy#FROM_DATE_CHECKPOINT}, through the (account, date, position) index.
     */
    SortedMap<String, BigDecimal> account(String account, LocalDate date, long knownAt) {
        DateStart start = ledger.verifiedDateCheckpointOnOrBefore(date);
        SortedMap<String, BigDecimal> balances = BalanceBlob.decodeAccount(start.data(), account);
        LedgerQueries.AccountPostingSink add = (position, postingDate, commodity, amount) ->
                balances.merge(commodity, amount, BigDecimal::add);
        start.checkpoint().ifPresent(checkpoint -> {
            if (knownAt > checkpoint.position()) {
                queries.accountPostingsRecordedBetween(account, checkpoint.position(), knownAt, checkpoint.date(), add);
            } else if (knownAt < checkpoint.position()) {
                queries.accountPostingsRecordedBetween(account, knownAt, checkpoint.position(), checkpoint.date(),
                        (position, postingDate, commodity, amount) -> balances.merge(commodity, amount.negate(), BigDecimal::add));
            }
        });
        queries.accountPostingsDatedBetween(account, start.datesUpTo(date), knownAt, add);
        return balances;
    }

    private static LedgerQueries.RegisterSink counting(Balances.Fold balances, long[] lines, boolean takeOff) {
        return (account, commodity, amount) -> {
            balances.add(account, commodity, takeOff ? amount.negate() : amount);
            lines[0]++;
        };
    }
}
