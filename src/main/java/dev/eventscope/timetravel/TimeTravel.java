package dev.eventscope.timetravel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.EntryEvent;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.BalanceBlob;
import dev.eventscope.projection.BalanceCheckpoint;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.DateCheckpoint;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.PostingSummary;
import dev.eventscope.projection.Projections;
import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers "what was the state here?" for any point. One aggregate: latest valid snapshot at or below
 * the wanted version plus later events. The whole ledger: the nearest ledger-wide balance checkpoint
 * at or below the position (verified against the event hash and its own digest, rebuilt when stale,
 * never trusted blindly) plus the register lines after it. Every answer equals {@link FullReplay}'s.
 * Safe to call from any thread (the UI calls it off the FX thread); throws {@link TimeTravelException}
 * for a question that has no answer.
 */
public final class TimeTravel {

    private final EventStore store;
    private final EventCodec codec;
    private final Projections projections;
    private final LedgerQueries queries;
    private final SnapshotStates decodedSnapshots;
    /** Register lines between two date checkpoints: half the balances projection's position interval, plus one. */
    private final int dateCheckpointEvery;

    private static final DateCheckpoint NO_DATE_CHECKPOINT = new DateCheckpoint(null, 0, "", "", new byte[0]);

    public TimeTravel(EventStore store, EventCodec codec, Projections projections) {
        this.store = store;
        this.codec = codec;
        this.projections = projections;
        this.queries = projections.readModels().ledgerQueries();
        this.decodedSnapshots = new SnapshotStates(codec, 1_024);
        this.dateCheckpointEvery = projections.projections().stream().filter(BalancesProjection.class::isInstance)
                .map(BalancesProjection.class::cast).mapToInt(BalancesProjection::checkpointEvery).findFirst()
                .orElse(BalancesProjection.DEFAULT_CHECKPOINT_EVERY) / 2 + 1;
    }

    /** The global position a point stands for: the last event at or before it. */
    public long positionOf(Point point) {
        long last = store.lastPosition();
        if (point instanceof Point.AtPosition at) {
            return Math.min(at.position(), last);
        }
        if (point instanceof Point.AtRecordedTime at) {
            return positionAtTime(at.time().getEpochSecond() * 1_000_000 + at.time().getNano() / 1_000, last);
        }
        if (point instanceof Point.AsOfDate || point instanceof Point.Latest) {
            return last;
        }
        throw new TimeTravelException("A version (" + point + ") names a point in one stream; give --stream, or use"
                + " #position, a date or @time for the whole ledger.");
    }

    /** Binary search: recorded times never decrease with the position. */
    private long positionAtTime(long micros, long last) {
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

    /** One aggregate's state at a point (for entry dates: only events dated on or before it). */
    public AggregateStateAt stateOf(StreamId stream, Point point) {
        AggregateKind kind = AggregateKind.of(stream);
        if (point instanceof Point.AsOfDate asOf) {
            return stateAsOf(stream, kind, asOf);
        }
        long version = point instanceof Point.AtVersion at ? Math.min(at.version(), store.streamVersion(stream))
                : versionAtPosition(stream, positionOf(point));
        Object state = kind.decider().initialState();
        long current = 0;
        long snapshotVersion = 0;
        if (version > 0) {
            Optional<Snapshot> snapshot = store.loadSnapshot(stream, version, kind.stateSchemaVersion());
            if (snapshot.isPresent()) {
                try {
                    state = decodedSnapshots.stateOf(snapshot.get(), kind.stateType());
                    current = snapshot.get().version();
                    snapshotVersion = current;
                } catch (RuntimeException unreadable) {
                    state = kind.decider().initialState();
                }
            }
        }
        long replayed = 0;
        long position = 0;
        while (current < version) {
            List<RecordedEvent> page = store.readStream(stream, current + 1, Direction.FORWARD,
                    (int) Math.min(1_000, version - current));
            for (RecordedEvent recorded : page) {
                state = kind.decider().evolve(state, typed(codec, kind, recorded));
                current = recorded.version();
                position = recorded.position();
                replayed++;
            }
            if (page.isEmpty()) {
                break;
            }
        }
        if (version > 0 && replayed == 0) {
            position = store.readStream(stream, version, Direction.FORWARD, 1).get(0).position();
        }
        return new AggregateStateAt(stream, kind.name(), point, version, position, state, snapshotVersion, replayed);
    }

    private AggregateStateAt stateAsOf(StreamId stream, AggregateKind kind, Point.AsOfDate asOf) {
        if (kind.stateType() == AccountState.class) {
            return accountStateAsOf(stream, kind, asOf);
        }
        Object state = kind.decider().initialState();
        long version = 0;
        long position = 0;
        long replayed = 0;
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARD, 1_000);
            for (RecordedEvent recorded : page) {
                Object event = typed(codec, kind, recorded);
                next = recorded.version() + 1;
                if (datedAfter(event, asOf.date())) {
                    continue;
                }
                state = kind.decider().evolve(state, event);
                version = recorded.version();
                position = recorded.position();
                replayed++;
            }
            if (page.size() < 1_000) {
                break;
            }
        }
        return new AggregateStateAt(stream, kind.name(), asOf, version, position, state, 0, replayed);
    }

    /**
     * An account as of a date without replaying its stream: its few other events (opened, frozen,
     * closed: positions from the register's {@code account_lifecycle} table) folded in order, and its
     * postings dated on or before the date summed from one indexed range read of the register. The two
     * commute: a posting changes only balances, count and last posting date, the other events only the rest.
     */
    private AggregateStateAt accountStateAsOf(StreamId stream, AggregateKind kind, Point.AsOfDate asOf) {
        long last = store.lastPosition();
        ensureRegister(last);
        String account = stream.value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
        Object state = kind.decider().initialState();
        long version = 0;
        long position = 0;
        long replayed = 0;
        for (long lifecyclePosition : queries.accountLifecyclePositions(account, last)) {
            RecordedEvent recorded = store.readAt(lifecyclePosition).orElseThrow(() -> new TimeTravelException(
                    "The balances read model names an event at position " + lifecyclePosition + " of account " + account
                            + " that the ledger does not hold; rebuild the balances projection."));
            state = kind.decider().evolve(state, typed(codec, kind, recorded));
            version = recorded.version();
            position = recorded.position();
            replayed++;
        }
        PostingSummary summary = queries.accountPostingSummaryAsOf(account, asOf.date(), last);
        if (summary.postings() > 0) {
            AccountState lifecycle = (AccountState) state;
            state = new AccountState(lifecycle.status(), lifecycle.name(), lifecycle.type(), lifecycle.description(),
                    lifecycle.openedOn(), lifecycle.frozenReason(), lifecycle.closedOn(),
                    accountBalancesAsOf(account, asOf.date(), last), summary.postings(), summary.lastDate());
            replayed += summary.postings();
            if (summary.lastPosition() > position) {
                position = summary.lastPosition();
                version = versionAtPosition(stream, position);
            }
        }
        return new AggregateStateAt(stream, kind.name(), asOf, version, position, state, 0, replayed);
    }

    /**
     * One account's balances as of a date: its line of the latest verified date checkpoint on or before
     * the date, plus its postings recorded after the checkpoint but dated on or before its date, plus its
     * postings dated after the checkpoint's date up to the date (index (account, date, position)).
     * Without a checkpoint, the range read of all its postings dated on or before the date.
     */
    private SortedMap<String, BigDecimal> accountBalancesAsOf(String account, LocalDate date, long last) {
        DateCheckpoint checkpoint = verifiedDateCheckpointOnOrBefore(date);
        SortedMap<String, BigDecimal> balances = BalanceBlob.decodeAccount(checkpoint.data(), account);
        LedgerQueries.AccountPostingSink add = (postingPosition, postingDate, commodity, amount) ->
                balances.merge(commodity, amount, BigDecimal::add);
        if (checkpoint.date() != null) {
            queries.accountPostingsRecordedBetween(account, checkpoint.position(), last, checkpoint.date(), add);
        }
        queries.accountPostingsDatedBetween(account, checkpoint.date(), date, last, add);
        return balances;
    }

    static boolean datedAfter(Object event, LocalDate date) {
        LocalDate eventDate = null;
        if (event instanceof AccountEvent.PostingRecorded posting) {
            eventDate = posting.date();
        } else if (event instanceof EntryEvent.EntryPosted posted) {
            eventDate = posted.date();
        } else if (event instanceof EntryEvent.EntryReversed reversed) {
            eventDate = reversed.date();
        }
        return eventDate != null && eventDate.isAfter(date);
    }

    /** The stream's version after the event at global {@code position}: binary search over its versions. */
    long versionAtPosition(StreamId stream, long position) {
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

    static Object typed(EventCodec codec, AggregateKind kind, RecordedEvent recorded) {
        DecodedEvent decoded = codec.decode(recorded);
        Object value = decoded.value().orElseThrow(() -> new TimeTravelException("The event at position "
                + recorded.position() + " (" + recorded.type() + ") cannot be read: "
                + decoded.problem().orElse("unknown reason") + ". The " + kind.name() + " cannot be rebuilt past it."));
        if (!kind.eventType().isInstance(value)) {
            throw new TimeTravelException("The stream '" + recorded.streamId() + "' holds a " + recorded.type()
                    + " event at position " + recorded.position() + ", which is not an event of a " + kind.name() + ".");
        }
        return value;
    }

    /** One account's balance per commodity at a point. */
    public SortedMap<String, BigDecimal> accountAt(String account, Point point) {
        if (point instanceof Point.AsOfDate asOf) {
            long last = store.lastPosition();
            ensureRegister(last);
            SortedMap<String, BigDecimal> balances = accountBalancesAsOf(account, asOf.date(), last);
            return Balances.withoutZeros(Map.of(account, balances)).getOrDefault(account, new TreeMap<>());
        }
        long position = positionOf(point);
        ensureRegister(position);
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        queries.accountBalanceAt(account, position).forEach((commodity, amount) -> balances.put(commodity, Balances.normalize(amount)));
        return balances;
    }

    /** Every account's balances at a point. */
    public LedgerBalances ledgerBalancesAt(Point point) {
        if (point instanceof Point.AsOfDate asOf) {
            return ledgerBalancesAsOf(point, asOf.date());
        }
        long position = positionOf(point);
        ensureRegister(position);
        BalanceCheckpoint checkpoint = verifiedCheckpointAtOrBelow(position);
        SortedMap<String, SortedMap<String, BigDecimal>> balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        queries.movementsBetween(checkpoint.position(), position, (account, commodity, amount) -> {
            Balances.add(balances, account, commodity, amount);
            lines[0]++;
        });
        return new LedgerBalances(point, position, Balances.withoutZeros(balances), checkpoint.position(), lines[0]);
    }

    /**
     * As of an entry date: the latest verified date checkpoint on or before the date, plus the postings
     * recorded after the checkpoint's position but dated on or before its date (back-dated entries),
     * plus the postings dated after the checkpoint's date and on or before the wanted date. When the
     * last part is long enough to hold a checkpoint, the checkpoints from there on are built (again);
     * when the checkpoint lags many events behind the ledger, it is refreshed.
     */
    private LedgerBalances ledgerBalancesAsOf(Point point, LocalDate date) {
        long last = store.lastPosition();
        ensureRegister(last);
        DateCheckpoint checkpoint = verifiedDateCheckpointOnOrBefore(date);
        SortedMap<String, SortedMap<String, BigDecimal>> balances = BalanceBlob.decode(checkpoint.data());
        long[] lines = {0};
        if (checkpoint.date() != null) {
            queries.movementsRecordedBetween(checkpoint.position(), last, checkpoint.date(), (account, commodity, amount) -> {
                Balances.add(balances, account, commodity, amount);
                lines[0]++;
            });
        }
        DateCheckpoint refreshed = checkpoint.date() != null && last - checkpoint.position() > 2L * dateCheckpointEvery()
                ? dateCheckpoint(checkpoint.date(), last, balances) : null;
        int every = dateCheckpointEvery();
        String[] currentDate = {null};
        long[] sinceBoundary = {0};
        boolean[] wouldHoldCheckpoint = {false};
        queries.movementsDatedBetween(checkpoint.date(), date, last, (lineDate, account, commodity, amount) -> {
            if (!lineDate.equals(currentDate[0])) {
                wouldHoldCheckpoint[0] |= sinceBoundary[0] >= every;
                currentDate[0] = lineDate;
            }
            Balances.add(balances, account, commodity, amount);
            sinceBoundary[0]++;
            lines[0]++;
        });
        if (wouldHoldCheckpoint[0]) {
            buildDateCheckpointsAfter(checkpoint, last);
        } else if (refreshed != null) {
            queries.replaceDateCheckpoint(refreshed);
        }
        return new LedgerBalances(point, last, Balances.withoutZeros(balances), checkpoint.position(), lines[0]);
    }

    private int dateCheckpointEvery() {
        return dateCheckpointEvery;
    }

    /**
     * The latest date checkpoint on or before the date whose event hash matches the ledger and whose
     * digest matches its data; one that does not is dropped with every checkpoint after it.
     */
    private DateCheckpoint verifiedDateCheckpointOnOrBefore(LocalDate date) {
        LocalDate wanted = date;
        while (true) {
            Optional<DateCheckpoint> found = queries.dateCheckpointOnOrBefore(wanted);
            if (found.isEmpty()) {
                return NO_DATE_CHECKPOINT;
            }
            DateCheckpoint checkpoint = found.get();
            boolean hashMatches = store.readAt(checkpoint.position())
                    .map(event -> event.hash().equals(checkpoint.eventHash())).orElse(false);
            if (hashMatches && BalanceBlob.digest(checkpoint.data()).equals(checkpoint.digest())) {
                return checkpoint;
            }
            wanted = checkpoint.date().minusDays(1);
            queries.replaceDateCheckpoints(wanted, List.of());
        }
    }

    /**
     * Rebuilds every date checkpoint after {@code base} from the register as it stands at {@code last}:
     * one pass in date order, a checkpoint at the end of a date whenever at least K postings were
     * added since the previous one (K = the balances projection's checkpoint interval).
     */
    private void buildDateCheckpointsAfter(DateCheckpoint base, long last) {
        SortedMap<String, SortedMap<String, BigDecimal>> balances = BalanceBlob.decode(base.data());
        List<DateCheckpoint> built = new ArrayList<>();
        if (base.date() != null) {
            queries.movementsRecordedBetween(base.position(), last, base.date(),
                    (account, commodity, amount) -> Balances.add(balances, account, commodity, amount));
            if (base.position() != last) {
                built.add(dateCheckpoint(base.date(), last, balances));
            }
        }
        int every = dateCheckpointEvery();
        String[] currentDate = {null};
        long[] sinceCheckpoint = {0};
        queries.movementsDatedBetween(base.date(), null, last, (lineDate, account, commodity, amount) -> {
            if (!lineDate.equals(currentDate[0])) {
                if (currentDate[0] != null && sinceCheckpoint[0] >= every) {
                    built.add(dateCheckpoint(LocalDate.parse(currentDate[0]), last, balances));
                    sinceCheckpoint[0] = 0;
                }
                currentDate[0] = lineDate;
            }
            Balances.add(balances, account, commodity, amount);
            sinceCheckpoint[0]++;
        });
        queries.replaceDateCheckpoints(base.date(), built);
    }

    private DateCheckpoint dateCheckpoint(LocalDate date, long position, Map<String, ? extends Map<String, BigDecimal>> balances) {
        byte[] data = BalanceBlob.encode(balances);
        String eventHash = store.readAt(position).map(RecordedEvent::hash).orElse("");
        return new DateCheckpoint(date, position, eventHash, BalanceBlob.digest(data), data);
    }

    public TrialBalance trialBalanceAt(Point point) {
        return TrialBalance.of(ledgerBalancesAt(point));
    }

    /**
     * The nearest checkpoint at or below the position whose event hash matches the ledger and whose
     * digest matches its data; a stale one is rebuilt from the one before it and saved.
     */
    private BalanceCheckpoint verifiedCheckpointAtOrBelow(long position) {
        Optional<BalanceCheckpoint> found = queries.balanceCheckpointAtOrBelow(position);
        if (found.isEmpty()) {
            return new BalanceCheckpoint(0, "", "", new byte[0]);
        }
        BalanceCheckpoint checkpoint = found.get();
        boolean hashMatches = store.readAt(checkpoint.position()).map(event -> event.hash().equals(checkpoint.eventHash()))
                .orElse(false);
        if (hashMatches && BalanceBlob.digest(checkpoint.data()).equals(checkpoint.digest())) {
            return checkpoint;
        }
        BalanceCheckpoint base = verifiedCheckpointAtOrBelow(checkpoint.position() - 1);
        SortedMap<String, SortedMap<String, BigDecimal>> balances = BalanceBlob.decode(base.data());
        queries.registerBetween(base.position(), checkpoint.position(),
                line -> Balances.add(balances, line.account(), line.commodity(), line.amount()));
        byte[] data = BalanceBlob.encode(balances);
        String eventHash = store.readAt(checkpoint.position()).map(RecordedEvent::hash).orElse("");
        BalanceCheckpoint repaired = new BalanceCheckpoint(checkpoint.position(), eventHash, BalanceBlob.digest(data), data);
        queries.replaceBalanceCheckpoint(repaired);
        return repaired;
    }

    private void ensureRegister(long position) {
        if (queries.registerPosition() < position) {
            projections.catchUp();
        }
        if (queries.registerPosition() < position) {
            throw new TimeTravelException("The balances read model stops at position " + queries.registerPosition()
                    + " and cannot reach position " + position + "; the Projections panel (or 'eventscope projections' on the command line) says why.");
        }
    }

    /** Per account and commodity, the balances that differ between two points. */
    public List<BalanceChange> diff(Point from, Point to) {
        return BalanceChange.between(ledgerBalancesAt(from).balances(), ledgerBalancesAt(to).balances());
    }

    /** Field by field, what changed in one aggregate's state between two points. */
    public List<FieldChange> diff(StreamId stream, Point from, Point to) {
        Map<String, String> before = flatten(codec.readTree(codec.toJson(stateOf(stream, from).state())));
        Map<String, String> after = flatten(codec.readTree(codec.toJson(stateOf(stream, to).state())));
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new FieldChange(path, was, is));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", node, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), fields);
            }
        } else if (!node.isNull()) {
            fields.put(path, node.isNumber() ? node.decimalValue().toPlainString() : node.asText());
        }
    }

    /** Every posting that made an account's balance in a commodity what it is at a point. */
    public Explanation why(String account, String commodity, Point point) {
        List<RegisterLine> contributions;
        long position;
        if (point instanceof Point.AsOfDate asOf) {
            position = store.lastPosition();
            ensureRegister(position);
            contributions = queries.accountRegisterAsOf(account, asOf.date(), position).stream()
                    .filter(line -> line.commodity().equals(commodity)).toList();
        } else {
            position = positionOf(point);
            ensureRegister(position);
            contributions = queries.accountRegister(account, commodity, 0, position);
        }
        BigDecimal balance = contributions.stream().map(RegisterLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Explanation(account, commodity, point, position, Balances.normalize(balance), contributions);
    }
}
