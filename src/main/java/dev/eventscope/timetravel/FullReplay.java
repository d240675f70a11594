package dev.eventscope.timetravel;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.AggregateRepository;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The slow, obviously right answers that the fast paths must equal: every balance folded from
 * position 1, every aggregate folded from its first event, with no snapshot or checkpoint. Used by
 * the tests and as the reference an auditor can ask for.
 */
public final class FullReplay {

    private static final String POSTING_RECORDED = AccountEvent.PostingRecorded.class.getSimpleName();

    private final EventStore store;
    private final EventCodec codec;
    private final AggregateRepository replaying;

    public FullReplay(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
        this.replaying = new AggregateRepository(store, codec).withoutSnapshots();
    }

    /**
     * Balances after the event at {@code position} ({@link Long#MAX_VALUE}: the whole ledger), every posting counted.
     * A posting that cannot be read stops the replay with a {@link TimeTravelException} naming its position: a balance
     * is never given without it.
     */
    public Balances balances(long position) {
        return balances(recorded -> recorded.position() > position, posting -> true);
    }

    /** As {@link #balances(long)}, counting only the postings dated on or before {@code asOf}. */
    public Balances balances(long position, LocalDate asOf) {
        return balances(recorded -> recorded.position() > position, datedOnOrBefore(asOf));
    }

    private static Predicate<AccountEvent.PostingRecorded> datedOnOrBefore(LocalDate asOf) {
        java.util.Objects.requireNonNull(asOf, "asOf: balances(position) counts every posting");
        return posting -> !posting.date().isAfter(asOf);
    }

    /**
     * Balances as of the point's entry date, counting only the events recorded at or before its knowledge point
     * (the position, or every event whose recorded time is at or before the instant), read in order from position 1.
     */
    public Balances balances(Point.AsKnownAt point) {
        if (point.knownAt() instanceof Point.AtPosition at) {
            return balances(at.position(), point.date());
        }
        Instant time = ((Point.AtRecordedTime) point.knownAt()).time();
        long micros = time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
        return balances(recorded -> recorded.recordedAtMicros() > micros, datedOnOrBefore(point.date()));
    }

    private Balances balances(Predicate<RecordedEvent> past, Predicate<AccountEvent.PostingRecorded> counted) {
        Balances.Fold balances = Balances.fold();
        forEachPosting(past, (account, posting) -> {
            if (counted.test(posting)) {
                balances.add(account, posting.amount());
            }
        });
        return balances.balances();
    }

    /** The first and the last entry date of the postings up to {@code position}; empty when there are none. Throws as {@link #balances}. */
    public java.util.Optional<dev.eventscope.projection.PostingDates> postingDates(long position) {
        LocalDate[] span = new LocalDate[2];
        forEachPosting(recorded -> recorded.position() > position, (account, posting) -> {
            if (span[0] == null || posting.date().isBefore(span[0])) {
                span[0] = posting.date();
            }
            if (span[1] == null || posting.date().isAfter(span[1])) {
                span[1] = posting.date();
            }
        });
        return span[0] == null ? java.util.Optional.empty()
                : java.util.Optional.of(new dev.eventscope.projection.PostingDates(span[0], span[1]));
    }

    /**
     * Every account's balances as of each of {@code dates} (postings dated on or before it), after the event at
     * {@code position}, in one pass over the events: each posting is added to the first date on or after its own,
     * then the dates are summed up in order. Throws as {@link #balances}.
     */
    public java.util.SortedMap<LocalDate, Balances> balancesAsOf(long position, java.util.SortedSet<LocalDate> dates) {
        java.util.TreeMap<LocalDate, Balances.Fold> changes = new java.util.TreeMap<>();
        dates.forEach(date -> changes.put(date, Balances.fold()));
        forEachPosting(recorded -> recorded.position() > position, (account, posting) -> {
            java.util.Map.Entry<LocalDate, Balances.Fold> bucket = changes.ceilingEntry(posting.date());
            if (bucket != null) {
                bucket.getValue().add(account, posting.amount());
            }
        });
        java.util.SortedMap<LocalDate, Balances> asOf = new java.util.TreeMap<>();
        Balances.Fold running = Balances.fold();
        changes.forEach((date, change) -> asOf.put(date, running.addAll(change.balances()).balances()));
        return asOf;
    }

    /**
     * The type an account was opened with (a journal's {@code type:} tag, or what its name says), read from the
     * account's first event; what its name says when the account has no opening event.
     */
    public dev.eventscope.domain.ledger.AccountType accountType(String account) {
        dev.eventscope.domain.ledger.AccountName name = dev.eventscope.domain.ledger.AccountName.of(account);
        return store.readStream(StreamId.of(LedgerStreams.ACCOUNT_PREFIX + account), 1, dev.eventscope.eventstore.Direction.FORWARD, 1)
                .stream()
                .map(event -> codec.decodeValue(event).value().orElse(null))
                .filter(AccountEvent.AccountOpened.class::isInstance)
                .map(opened -> ((AccountEvent.AccountOpened) opened).type())
                .findFirst().orElseGet(name::type);
    }

    /** Every posting before the first event {@code past} says is too late, in order, with its account; a posting that cannot be read throws. */
    private void forEachPosting(Predicate<RecordedEvent> past, java.util.function.BiConsumer<String, AccountEvent.PostingRecorded> action) {
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (past.test(recorded)) {
                    break;
                }
                if (!recorded.type().equals(POSTING_RECORDED)
                        || !recorded.streamId().value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                    continue;
                }
                DecodedEvent decoded = codec.decode(recorded);
                if (!(decoded.value().orElse(null) instanceof AccountEvent.PostingRecorded posting)) {
                    throw new TimeTravelException("The posting at position " + recorded.position() + " cannot be read: "
                            + decoded.problem().orElse("unknown reason"));
                }
                action.accept(recorded.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()), posting);
            }
        }
    }

    /**
     * An aggregate's state as of an entry date: every event of its stream folded from the first,
     * leaving out postings, entries and reversals dated after {@code asOf}.
     */
    public Object stateAsOf(StreamId stream, LocalDate asOf) {
        Aggregate<?, ?, ?> aggregate = AggregateHistory.aggregateOf(stream);
        return AggregateHistory.readable(() -> replaying.loadWhere(aggregate, stream,
                event -> !AggregateHistory.datedAfter(event, asOf))).state();
    }

    /** Every balance at any point, by replay: the reference for {@link LedgerAtPoint#ledgerBalancesAt}. */
    public Balances balancesAt(Point point) {
        if (point instanceof Point.AsKnownAt known) {
            return balances(known);
        }
        if (point instanceof Point.AsOfDate asOf) {
            return balances(Long.MAX_VALUE, asOf.date());
        }
        return balances(positionOf(point));
    }

    /** One aggregate's state at any point, folded from its first event: the reference for {@link AggregateHistory#stateOf}. */
    public Object stateAt(StreamId stream, Point point) {
        if (point instanceof Point.AsOfDate asOf) {
            return stateAsOf(stream, asOf.date());
        }
        if (point instanceof Point.AsKnownAt known) {
            return stateKnownAt(stream, known.date(), positionOf(known.knownAt()));
        }
        if (point instanceof Point.AtVersion at) {
            return state(stream, Math.min(at.version(), store.streamVersion(stream)));
        }
        return state(stream, AggregateHistory.versionAtPosition(store, stream, positionOf(point)));
    }

    /** Per account and commodity, the balances that differ between two points, by replay. */
    public List<BalanceChange> diff(Point from, Point to) {
        return BalanceChange.between(balancesAt(from), balancesAt(to));
    }

    /** Field by field, what changed in one aggregate's state between two points, by replay. */
    public List<FieldChange> diff(StreamId stream, Point from, Point to) {
        return Differences.fieldChanges(codec, stateAt(stream, from), stateAt(stream, to));
    }

    /** The global position of a position, recorded time or "now" (the binary search {@link LedgerAtPoint} uses). */
    private long positionOf(Point point) {
        long last = store.lastPosition();
        if (point instanceof Point.AtPosition at) {
            return Math.min(at.position(), last);
        }
        if (point instanceof Point.AtRecordedTime at) {
            return LedgerAtPoint.positionAtTime(store, at.time(), last);
        }
        if (point instanceof Point.Latest) {
            return last;
        }
        throw new TimeTravelException("A version (" + point + ") names a point in one stream; give --stream.");
    }

    /**
     * The last position a ledger-wide point counts what was recorded through: a position, the last event recorded at or
     * before a time, a date as known at one of those, or (a date as known now, "now") the last position. What else an
     * answer at the point reads (market prices, declared account types) must be read through it, never further.
     */
    public long positionKnownAt(Point point) {
        if (point instanceof Point.AsKnownAt known) {
            return positionOf(known.knownAt());
        }
        return positionOf(point instanceof Point.AsOfDate ? new Point.Latest() : point);
    }

    /**
     * An aggregate's state as of an entry date as known after global {@code position}: its events up to that
     * position folded from the first, leaving out those dated after {@code asOf}.
     */
    public Object stateKnownAt(StreamId stream, LocalDate asOf, long position) {
        Aggregate<?, ?, ?> aggregate = AggregateHistory.aggregateOf(stream);
        long maxVersion = AggregateHistory.versionAtPosition(store, stream, position);
        return AggregateHistory.readable(() -> replaying.loadWhere(aggregate, stream, maxVersion,
                event -> !AggregateHistory.datedAfter(event, asOf))).state();
    }

    /** An aggregate's state after its event at {@code version}, folded from its first event. */
    public Object state(StreamId stream, long version) {
        Aggregate<?, ?, ?> aggregate = AggregateHistory.aggregateOf(stream);
        return AggregateHistory.readable(() -> replaying.load(aggregate, stream, version)).state();
    }
}
