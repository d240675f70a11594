package dev.eventscope.timetravel;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.AggregateRepository;
import dev.eventscope.application.Loaded;
import dev.eventscope.application.UnreadableHistory;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.PostingSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One aggregate's state at any point, loaded by {@link AggregateRepository} (the one loader: the latest
 * readable snapshot at or below the version plus the later events); as of an entry date, only the events
 * dated on or before it, an account's postings summed from the balances read model. Thread-safe; throws
 * {@link TimeTravelException} for a stream that holds no aggregate or a history that cannot be read.
 */
public final class AggregateHistory {

    private final EventStore store;
    private final AggregateRepository repository;
    private final LedgerAtPoint ledger;

    public AggregateHistory(EventStore store, AggregateRepository repository, LedgerAtPoint ledger) {
        this.store = store;
        this.repository = repository;
        this.ledger = ledger;
    }

    /** The kind of aggregate a stream holds, or {@link TimeTravelException}. */
    static Aggregate<?, ?, ?> aggregateOf(StreamId stream) {
        return Aggregate.of(stream).orElseThrow(() -> new TimeTravelException("The stream '" + stream.value()
                + "' is not a ledger, account or entry stream, so its state cannot be rebuilt; its events can still be browsed."));
    }

    /** One aggregate's state at a point (for entry dates: only events dated on or before it). */
    public AggregateStateAt stateOf(StreamId stream, Point point) {
        Aggregate<?, ?, ?> aggregate = aggregateOf(stream);
        if (point instanceof Point.AsOfDate asOf) {
            return aggregate == Aggregate.ACCOUNT ? accountStateAsOf(stream, asOf) : stateAsOf(aggregate, stream, asOf);
        }
        if (point instanceof Point.AsKnownAt known) {
            return aggregate == Aggregate.ACCOUNT ? accountStateKnownAt(stream, known)
                    : stateAsOf(aggregate, stream, known, known.date(), versionAtPosition(stream, ledger.positionOf(known)));
        }
        long version = point instanceof Point.AtVersion at ? Math.min(at.version(), store.streamVersion(stream))
                : versionAtPosition(stream, ledger.positionOf(point));
        Loaded<?> loaded = readable(() -> repository.load(aggregate, stream, version));
        long position = loaded.lastReplayedPosition();
        if (loaded.version() > 0 && loaded.replayed() == 0) {
            position = store.readStream(stream, loaded.version(), Direction.FORWARD, 1).get(0).position();
        }
        return new AggregateStateAt(stream, aggregate.name(), point, loaded.version(), position, loaded.state(),
                loaded.fromSnapshotVersion(), loaded.replayed());
    }

    private <S, C, E> AggregateStateAt stateAsOf(Aggregate<S, C, E> aggregate, StreamId stream, Point.AsOfDate asOf) {
        return stateAsOf(aggregate, stream, asOf, asOf.date(), Long.MAX_VALUE);
    }

    /** The stream's events up to {@code maxVersion} dated on or before {@code date}, folded in order. */
    private <S, C, E> AggregateStateAt stateAsOf(Aggregate<S, C, E> aggregate, StreamId stream, Point point,
                                                 LocalDate date, long maxVersion) {
        long[] folded = {0};
        Loaded<S> loaded = readable(() -> repository.loadWhere(aggregate, stream, maxVersion, event -> {
            boolean dated = !datedAfter(event, date);
            folded[0] += dated ? 1 : 0;
            return dated;
        }));
        return new AggregateStateAt(stream, aggregate.name(), point, loaded.version(), loaded.lastReplayedPosition(),
                loaded.state(), 0, folded[0]);
    }

    /**
     * An account as of a date without replaying its stream: its few other events (opened, frozen,
     * closed: positions from the register's {@code account_lifecycle} table) folded in order, and its
     * postings dated on or before the date summed from the latest date checkpoint and the lines after it (counted
     * there too when the checkpoint keeps the account's posting summary, else through the register index). The two
     * commute: a posting changes only balances, count and last posting date, the other events only the rest.
     */
    private AggregateStateAt accountStateAsOf(StreamId stream, Point.AsOfDate asOf) {
        String account = stream.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
        LedgerAtPoint.AccountAsOf balances = ledger.accountAsOf(account, asOf.date());
        return accountState(stream, account, asOf, asOf.date(), balances.balances(), balances.upTo(), balances.postings());
    }

    /** An account as of a date known at a position: as {@link #accountStateAsOf}, nothing after the position counted. */
    private AggregateStateAt accountStateKnownAt(StreamId stream, Point.AsKnownAt known) {
        String account = stream.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
        long last = ledger.positionOf(known);
        return accountState(stream, account, known, known.date(), ledger.accountKnownAt(account, known.date(), last), last,
                Optional.empty());
    }

    private AggregateStateAt accountState(StreamId stream, String account, Point point, LocalDate date,
                                          Map<String, BigDecimal> postingBalances, long last, Optional<PostingSummary> counted) {
        AccountState state = Aggregate.ACCOUNT.initialState();
        long version = 0;
        long position = 0;
        long replayed = 0;
        for (long lifecyclePosition : ledger.queries().accountLifecyclePositions(account, last)) {
            RecordedEvent recorded = store.readAt(lifecyclePosition).orElseThrow(() -> new TimeTravelException(
                    "The balances read model names an event at position " + lifecyclePosition + " of account " + account
                            + " that the ledger does not hold; rebuild the balances projection."));
            AccountEvent event = readable(() -> repository.typed(Aggregate.ACCOUNT, recorded));
            state = Aggregate.ACCOUNT.decider().evolve(state, event);
            version = recorded.version();
            position = recorded.position();
            replayed++;
        }
        PostingSummary summary = counted.orElseGet(() -> ledger.queries().accountPostingSummaryAsOf(account, date, last));
        if (summary.postings() > 0) {
            state = new AccountState(state.status(), state.name(), state.type(), state.description(),
                    state.openedOn(), state.frozenReason(), state.closedOn(),
                    Balances.copyOf(postingBalances), summary.postings(), summary.lastDate().orElseThrow());
            replayed += summary.postings();
            if (summary.lastPosition() > position) {
                position = summary.lastPosition();
                version = versionAtPosition(stream, position);
            }
        }
        return new AggregateStateAt(stream, Aggregate.ACCOUNT.name(), point, version, position, state, 0, replayed);
    }

    /** Whether an event carries an entry date after {@code date} (postings, entries and reversals do). */
    static boolean datedAfter(Object event, LocalDate date) {
        if (event instanceof AccountEvent.PostingRecorded posting) {
            return posting.date().isAfter(date);
        } else if (event instanceof EntryEvent.EntryPosted posted) {
            return posted.date().isAfter(date);
        } else if (event instanceof EntryEvent.EntryReversed reversed) {
            return reversed.date().isAfter(date);
        } else if (event instanceof dev.eventscope.domain.ledger.PriceEvent.PriceRecorded price) {
            return price.date().isAfter(date);
        }
        return false;
    }

    /** The stream's version after the event at global {@code position}: binary search over its versions. */
    long versionAtPosition(StreamId stream, long position) {
        return versionAtPosition(store, stream, position);
    }

    static long versionAtPosition(EventStore store, StreamId stream, long position) {
        long low = 0;
        long high = store.streamVersion(stream);
        while (low < high) {
            long middle = (low + high + 1) >>> 1;
            long at = store.readStream(stream, middle, Direction.FORWARD, 1).get(0).position();
            if (at <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The loader's answer, with an unreadable history reported as time travel reports it. */
    static <T> T readable(Supplier<T> load) {
        try {
            return load.get();
        } catch (UnreadableHistory unreadable) {
            throw new TimeTravelException(unreadable.getMessage(), unreadable);
        }
    }
}
