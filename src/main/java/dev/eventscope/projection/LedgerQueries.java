package dev.eventscope.projection;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Reads of the built-in read models, answered by indexed lookups; they never write (each read model's
 * projection is the only writer of its tables, checkpoints included). Positions bound what is seen:
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
    interface RegisterSink {
        void amount(String account, String commodity, BigDecimal amount);
    }

    /** Only account, commodity and amount of the register lines in positions ({@code after}, {@code upTo}]: the fast path of time travel. */
    void registerAmountsBetween(long after, long upTo, RegisterSink sink);

    /**
     * Every register line recorded after position {@code after} and dated on or before {@code datedOnOrBefore},
     * in position order, with who recorded it, when and by which command: what changed the figures as of that
     * date since that position.
     */
    void registerRecordedAfter(long after, LocalDate datedOnOrBefore, Consumer<RegisterLine> sink);

    /** One account's register lines dated on or before {@code date} with position at most {@code upTo}. */
    List<RegisterLine> accountRegisterAsOf(String account, LocalDate date, long upTo);

    /** Receives one posting's date (ISO text), account, commodity and amount. */
    @FunctionalInterface
    interface DatedRegisterSink {
        void amount(String date, String account, String commodity, BigDecimal amount);
    }

    /** Receives one posting of one account: its position, date (ISO text), commodity and amount. */
    @FunctionalInterface
    interface AccountPostingSink {
        void posting(long position, String date, String commodity, BigDecimal amount);
    }

    /**
     * Account, commodity and amount of the register lines with position in ({@code after}, {@code upTo}]
     * dated on or before {@code datedOnOrBefore}: the postings a date checkpoint at that position does not yet hold.
     */
    void registerAmountsRecordedBetween(long after, long upTo, LocalDate datedOnOrBefore, RegisterSink sink);

    /**
     * The register lines dated in {@code dates} (either end may be open), with position at most {@code upTo}: those the
     * date checkpoints hold in date order, then those recorded after the checkpoints in position order.
     */
    void registerAmountsDatedBetween(DateSpan dates, long upTo, DatedRegisterSink sink);

    /**
     * How many register lines are dated after {@code after} with position at most {@code upTo}, counting no further
     * than {@code limit}: the date checkpoints' lines, read up to the checkpoint at which the count reaches the limit.
     */
    long countRegisterDatedAfter(LocalDate after, long upTo, long limit);

    /** How many register lines have a position in ({@code after}, {@code upTo}]: an index-only read of that range. */
    long countRegisterBetween(long after, long upTo);

    /**
     * Up to this many register lines, one account's postings by date are read through the register index (about
     * 50 µs); a larger account's from the date checkpoints' lines (one row of about 250 KB on a million events,
     * whatever the account), instead of scanning all its index entries.
     */
    long FEW_ACCOUNT_LINES = 2_000;

    /** How many register lines the account has, counting no further than {@code limit}: an index-only read. */
    long countAccountLines(String account, long limit);

    /** One account's postings with position in ({@code after}, {@code upTo}] dated on or before {@code datedOnOrBefore}. */
    void accountPostingsRecordedBetween(String account, long after, long upTo, LocalDate datedOnOrBefore,
                                        AccountPostingSink sink);

    /** One account's postings dated in {@code dates} (either end may be open), position at most {@code upTo}. */
    void accountPostingsDatedBetween(String account, DateSpan dates, long upTo, AccountPostingSink sink);

    /**
     * Count, latest date and latest position of one account's postings dated on or before {@code date}: an index-only
     * read of the register index (account, commodity, position, date).
     */
    PostingSummary accountPostingSummaryAsOf(String account, LocalDate date, long upTo);

    /**
     * The posting summary of one account that the date checkpoint of {@code checkpointDate} keeps (postings dated on
     * or before that date, recorded at or before its position); empty when it keeps none for the account (only the
     * busiest accounts have one, see {@link PostingSummaries}).
     */
    Optional<PostingSummary> dateCheckpointSummary(LocalDate checkpointDate, String account);

    /** Positions of the account's events that are not postings (opened, frozen, closed...), at most {@code upTo}, in order. */
    List<Long> accountLifecyclePositions(String account, long upTo);

    /** The latest date checkpoint dated on or before {@code date}. */
    Optional<DateCheckpoint> dateCheckpointOnOrBefore(LocalDate date);

    /** The latest ledger-wide balance checkpoint at or below {@code position}. */
    Optional<BalanceCheckpoint> balanceCheckpointAtOrBelow(long position);

    /** Number of events per recorded day (UTC). */
    SortedMap<LocalDate, Long> countsByDay();

    /** The first and the last entry date of the register's postings up to {@code upTo}; empty when there are none. */
    Optional<PostingDates> postingDates(long upTo);

    /** The balances projection's checkpoint: register lines exist up to this position. */
    long registerPosition();

    /**
     * Every row of a built-in read-model table in primary-key order, for comparisons in tests and audits; the journal's
     * also gives its postings ({@link JournalProjection#POSTINGS}: the register's lines by entry and posting index).
     */
    Map<String, List<ReadModelRow>> dump(String projection);
}
