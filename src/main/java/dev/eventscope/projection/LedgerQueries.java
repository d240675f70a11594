package dev.eventscope.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Reads of the built-in read models, answered by indexed lookups. Positions bound what is seen:
 * only events at or below the position count. Amounts are exact decimals. Throws
 * {@link ReadModelException} when the store fails.
 */
public interface LedgerQueries {

    /** An account's balance per commodity after the event at {@code position} (zero balances left out). */
    SortedMap<String, BigDecimal> accountBalanceAt(String account, long position);

    /** Register lines of one account (and commodity, when not null) in positions ({@code after}, {@code upTo}]. */
    List<RegisterLine> accountRegister(String account, String commodity, long after, long upTo);

    /** Every register line in positions ({@code after}, {@code upTo}], in position order. */
    void registerBetween(long after, long upTo, Consumer<RegisterLine> sink);

    /** Receives one posting's account, commodity and amount. */
    @FunctionalInterface
    interface MovementSink {
        void movement(String account, String commodity, BigDecimal amount);
    }

    /** Only account, commodity and amount of the register lines in positions ({@code after}, {@code upTo}]: the fast path of time travel. */
    void movementsBetween(long after, long upTo, MovementSink sink);

    /** Every register line dated on or before {@code date} with position at most {@code upTo}. */
    void registerAsOf(LocalDate date, long upTo, Consumer<RegisterLine> sink);

    /** One account's register lines dated on or before {@code date} with position at most {@code upTo}. */
    List<RegisterLine> accountRegisterAsOf(String account, LocalDate date, long upTo);

    /** The latest ledger-wide balance checkpoint at or below {@code position}. */
    Optional<BalanceCheckpoint> balanceCheckpointAtOrBelow(long position);

    /** Replaces a checkpoint that was found stale. */
    void replaceBalanceCheckpoint(BalanceCheckpoint checkpoint);

    /** Current balances: account -> commodity -> amount (zero balances left out). */
    SortedMap<String, SortedMap<String, BigDecimal>> currentBalances();

    Optional<JournalEntryView> journalEntry(String entryId);

    /** Journal entries in position order, from the {@code offset}-th, at most {@code limit}. */
    List<JournalEntryView> journal(int offset, int limit);

    List<ActivityLine> activity();

    /** Number of events per event type. */
    SortedMap<String, Long> countsByType();

    /** Number of events per recorded day (UTC). */
    SortedMap<LocalDate, Long> countsByDay();

    /** The balances projection's checkpoint: register lines exist up to this position. */
    long registerPosition();

    /** Every row of a built-in read-model table in primary-key order, for comparisons in tests and audits. */
    Map<String, List<ReadModelRow>> dump(String projection);
}
