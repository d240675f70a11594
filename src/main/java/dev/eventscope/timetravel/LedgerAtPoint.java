package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.projection.BalanceBlob;
import dev.eventscope.projection.BalanceCheckpoint;
import dev.eventscope.projection.DateSpan;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.PostingSummary;
import dev.eventscope.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The whole ledger at a point, read from the balances projection: the nearest ledger-wide balance
 * checkpoint at or below a position plus the register lines after it; as of an entry date, the latest
 * date checkpoint on or before the date plus the postings it does not hold. Only reads: the projection
 * keeps its checkpoints; one whose event hash or digest does not match is logged and passed over for the
 * one before it (a rebuild of the projection replaces it). Every answer equals {@link FullReplay}'s.
 * Thread-safe; throws {@link TimeTravelException} for a point the read model cannot reach.
 */
public final class LedgerAtPoint {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerAtPoint.class);
    private static final BalanceCheckpoint NO_CHECKPOINT = new BalanceCheckpoint(0, "", "", new byte[0]);

    private final EventStore store;
    private final Projections projections;
    private final LedgerQueries queries;
    private final KnownAtBalances knownAt;

    public LedgerAtPoint(EventStore store, Projections projections) {
        this.store = store;
        this.projections = projections;
        this.queries = projections.readModels().ledgerQueries();
        this.knownAt = new KnownAtBalances(this);
    }

    /** The global position a point stands for: the last event at or before it. */
    public long positionOf(Point point) {
        long last = store.lastPosition();
        if (point instanceof Point.AtPosition at) {
            return Math.min(at.position(), last);
        }
        if (point instanceof Point.AtRecordedTime at) {
            return positionAtTime(store, at.time(), last);
        }
        if (point instanceof Point.AsOfDate || point instanceof Point.Latest) {
            return last;
        }
        if (point instanceof Point.AsKnownAt known) {
            return positionOf(known.knownAt());
        }
        throw new TimeTravelException("A version (" + point + ") names a point in one stream; give --stream, or use"
                + " #position, a date or @time for the whole ledger.");
    }

    /** The last position recorded at or before {@code time}; a binary search, as recorded times never decrease with the position. */
    static long positionAtTime(EventStore store, Instant time, long last) {
        long micros = time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
        long low = 0;
        long high = last;
        while (low < high) {
            long middle = (low + high + 1) >>> 1;
            long recordedAt = store.readAt(middle).map(RecordedEvent::recordedAtMicros).orElse(Long.MAX_VALUE);
            if (recordedAt <= micros) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** One account's balance per commodity at a point (zero balances left out). */
    public SortedMap<String, BigDecimal> accountAt(String account, Point point) {
        SortedMap<String, BigDecimal> found;
        if (point instanceof Point.AsOfDate asOf) {
            found = accountAsOf(account, asOf.date()).balances();
        } else if (point instanceof Point.AsKnownAt known) {
            found = accountKnownAt(account, known.date(), positionOf(known));
        } else {
            long position = positionOf(point);
            ensureRegister(position);
            found = queries.accountBalanceAt(account, position);
        }
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        found.forEach((commodity, amount) -> {
            if (amount.signum() != 0) {
                balances.put(commodity, Amounts.normalise(amount));
            }
        });
        return balances;
    }

    /** Every account's balances at a point. */
    public LedgerBalances ledgerBalancesAt(Point point) {
        if (point instanceof Point.AsOfDate asOf) {
            return ledgerBalancesAsOf(point, asOf.date());
        }
        if (point instanceof Point.AsKnownAt known) {
            return knownAt.balances(known, KnownAtStrategy.CHEAPER);
        }
        long position = positionOf(point);
        ensureRegister(position);
        BalanceCheckpoint checkpoint = verifiedCheckpointAtOrBelow(position);
        Balances.Fold balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        queries.registerAmountsBetween(checkpoint.position(), position, (account, commodity, amount) -> {
            balances.add(account, commodity, amount);
            lines[0]++;
        });
        return new LedgerBalances(point, position, balances.balances(), checkpoint.position(), lines[0]);
    }

    /** As {@link #ledgerBalancesAt} for both clocks, read the given way (the tests compare the two ways). */
    public LedgerBalances ledgerBalancesAt(Point.AsKnownAt point, KnownAtStrategy strategy) {
        return knownAt.balances(point, strategy);
    }

    /** One account's balances as of a date known at a position, zero balances kept (for the account's state). */
    SortedMap<String, BigDecimal> accountKnownAt(String account, LocalDate date, long position) {
        ensureRegister(position);
        return knownAt.account(account, date, position);
    }

    public TrialBalance trialBalanceAt(Point point) {
        return TrialBalance.of(ledgerBalancesAt(point));
    }

    /**
     * As of an entry date: the latest verified date checkpoint on or before the date, plus the postings
     * recorded after the checkpoint's position but dated on or before its date (back-dated entries), plus
     * the postings dated after the checkpoint's date and on or before the wanted date.
     */
    private LedgerBalances ledgerBalancesAsOf(Point point, LocalDate date) {
        AsOfBase base = asOfBase(date);
        DateStart start = base.start();
        Balances.Fold balances = BalanceBlob.decode(start.data());
        long[] lines = {0};
        LedgerQueries.RegisterSink add = (account, commodity, amount) -> {
            balances.add(account, commodity, amount);
            lines[0]++;
        };
        start.checkpoint().ifPresent(checkpoint ->
                queries.registerAmountsRecordedBetween(checkpoint.position(), base.upTo(), checkpoint.date(), add));
        queries.registerAmountsDatedBetween(start.datesUpTo(date), base.upTo(),
                (lineDate, account, commodity, amount) -> add.amount(account, commodity, amount));
        return new LedgerBalances(point, base.upTo(), balances.balances(), start.position(), lines[0]);
    }

    /** The date checkpoint a question as of {@code date} starts from, and the last position the answer counts. */
    private record AsOfBase(DateStart start, long upTo) {
    }

    private AsOfBase asOfBase(LocalDate date) {
        long last = store.lastPosition();
        ensureRegister(last);
        DateStart start = verifiedDateCheckpointOnOrBefore(date);
        // a catch-up that committed after lastPosition() may have moved the checkpoint past it
        return new AsOfBase(start, Math.max(last, start.position()));
    }

    /**
     * One account's balances as of a date, the last position they count, and the count, latest date and position of
     * the postings summed (empty when the date checkpoint keeps no summary for the account: then they are counted
     * through the register index, {@link LedgerQueries#accountPostingSummaryAsOf}).
     */
    record AccountAsOf(SortedMap<String, BigDecimal> balances, long upTo, Optional<PostingSummary> postings) {
    }

    /**
     * One account's balances as of a date. An account of fewer than {@link LedgerQueries#FEW_ACCOUNT_LINES} register
     * lines: all its postings dated up to the date, through the register index (a few index entries, where a
     * checkpoint is a 400 KB blob to read and verify). A larger one: its line of the latest verified date checkpoint
     * on or before the date, plus its postings recorded after the checkpoint but dated on or before its date, plus its
     * postings dated after the checkpoint's date up to the date; the same postings added to the checkpoint's summary
     * of the account, when it keeps one ({@link LedgerQueries#dateCheckpointSummary}; before the first checkpoint
     * every posting is read, so the count starts from none).
     */
    AccountAsOf accountAsOf(String account, LocalDate date) {
        if (queries.countAccountLines(account, LedgerQueries.FEW_ACCOUNT_LINES) < LedgerQueries.FEW_ACCOUNT_LINES) {
            // a small account: all its postings up to the date through the register index, no checkpoint needed
            long last = store.lastPosition();
            ensureRegister(last);
            AccountPostings postings = new AccountPostings(new TreeMap<>(), PostingSummary.NONE);
            queries.accountPostingsDatedBetween(account, DateSpan.upTo(date), last, postings);
            return new AccountAsOf(postings.balances, last, Optional.of(postings.summary()));
        }
        AsOfBase base = asOfBase(date);
        DateStart start = base.start();
        Optional<PostingSummary> kept = start.checkpoint().isEmpty() ? Optional.of(PostingSummary.NONE)
                : queries.dateCheckpointSummary(start.checkpoint().get().date(), account);
        AccountPostings postings = new AccountPostings(BalanceBlob.decodeAccount(start.data(), account),
                kept.orElse(PostingSummary.NONE));
        start.checkpoint().ifPresent(checkpoint -> queries.accountPostingsRecordedBetween(account, checkpoint.position(),
                base.upTo(), checkpoint.date(), postings));
        queries.accountPostingsDatedBetween(account, start.datesUpTo(date), base.upTo(), postings);
        return new AccountAsOf(postings.balances, base.upTo(), kept.map(none -> postings.summary()));
    }

    /** One account's balances and posting summary, each posting added to both. */
    private static final class AccountPostings implements LedgerQueries.AccountPostingSink {
        private final SortedMap<String, BigDecimal> balances;
        private long count;
        /** The latest date as ISO text; "" (before every date) while there is none. */
        private String lastDate;
        private long lastPosition;

        AccountPostings(SortedMap<String, BigDecimal> balances, PostingSummary from) {
            this.balances = balances;
            this.count = from.postings();
            this.lastDate = from.lastDate().map(LocalDate::toString).orElse("");
            this.lastPosition = from.lastPosition();
        }

        @Override
        public void posting(long position, String date, String commodity, BigDecimal amount) {
            balances.merge(commodity, amount, BigDecimal::add);
            count++;
            if (date.compareTo(lastDate) > 0) {
                lastDate = date;
            }
            lastPosition = Math.max(lastPosition, position);
        }

        PostingSummary summary() {
            return new PostingSummary(count, lastDate.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(lastDate)),
                    lastPosition);
        }
    }

    /**
     * The latest date checkpoint on or before the date whose event hash and digest match (a damaged one is passed
     * over), or the start of the ledger when there is none.
     */
    DateStart verifiedDateCheckpointOnOrBefore(LocalDate date) {
        return new DateStart(verified(queries.dateCheckpointOnOrBefore(date),
                checkpoint -> queries.dateCheckpointOnOrBefore(checkpoint.date().minusDays(1)),
                checkpoint -> matches(checkpoint.position(), checkpoint.eventHash(), checkpoint.data(), checkpoint.digest()),
                checkpoint -> "date checkpoint of " + checkpoint.date() + " (position " + checkpoint.position() + ")"));
    }

    /** The nearest checkpoint at or below the position whose event hash and digest match; a damaged one is passed over. */
    BalanceCheckpoint verifiedCheckpointAtOrBelow(long position) {
        return verified(queries.balanceCheckpointAtOrBelow(position),
                checkpoint -> queries.balanceCheckpointAtOrBelow(checkpoint.position() - 1),
                checkpoint -> matches(checkpoint.position(), checkpoint.eventHash(), checkpoint.data(), checkpoint.digest()),
                checkpoint -> "balance checkpoint at position " + checkpoint.position()).orElse(NO_CHECKPOINT);
    }

    /**
     * The first checkpoint, walking back from {@code found}, that matches the ledger (each one that does not is
     * logged); empty when none does.
     */
    private static <C> Optional<C> verified(Optional<C> found, Function<C, Optional<C>> before, Predicate<C> matches,
                                            Function<C, String> name) {
        Optional<C> candidate = found;
        while (candidate.isPresent()) {
            C checkpoint = candidate.get();
            if (matches.test(checkpoint)) {
                return candidate;
            }
            LOG.warn("The {} does not match the ledger or its digest; it is passed over. Rebuilding the balances projection"
                    + " replaces it.", name.apply(checkpoint));
            candidate = before.apply(checkpoint);
        }
        return Optional.empty();
    }

    private boolean matches(long position, String eventHash, byte[] data, String digest) {
        boolean hashMatches = store.readAt(position).map(event -> event.hash().equals(eventHash)).orElse(false);
        return hashMatches && BalanceBlob.digest(data).equals(digest);
    }

    /** Catches the projections up when the balances read model stops before {@code position}. */
    void ensureRegister(long position) {
        if (queries.registerPosition() < position) {
            projections.catchUp();
        }
        if (queries.registerPosition() < position) {
            throw new TimeTravelException.ReadModelStopped(queries.registerPosition(), position);
        }
    }

    LedgerQueries queries() {
        return queries;
    }
}
