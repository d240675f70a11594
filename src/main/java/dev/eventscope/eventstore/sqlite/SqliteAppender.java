package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IdempotentRetry;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one atomic append: checks every stream's expected version, assigns positions and
 * versions, chains the hashes and commits — or rolls everything back. Not thread-safe; the store
 * serialises calls.
 */
final class SqliteAppender {

    private final Connection connection;
    private final Clock clock;
    private final StreamNameCache streamNames;
    private final EventHashChain hashChain = new EventHashChain();
    private final PreparedStatement selectStream;
    private final PreparedStatement insertStream;
    private final PreparedStatement selectGreatestStreamKey;
    private final PreparedStatement selectHead;
    private final PreparedStatement findEvent;
    private final PreparedStatement insertEvent;
    private final PreparedStatement updateHead;
    private final Statement control;
    private final PreparedStatement dataVersionQuery;
    /** The streams' keys and versions known without asking the ledger. */
    private final KnownStreams streams = new KnownStreams();
    /**
     * The head position the open transaction moved, written once at its commit rather than once per append (a bulk
     * import appends a hundred thousand times in one transaction). A stream's version has no row of its own to write
     * (schema version 3): it is the last entry of the events' (stream_key, version) index.
     */
    private long unwrittenHead;
    /**
     * The head (position, hash, recorded time) after this transaction's last append, so that the next append of a
     * bulk does not ask for it again: under BEGIN IMMEDIATE no other writer can move it. Null outside a transaction.
     */
    private Head head;

    private record Head(long position, byte[] hash, long recordedAt) {
    }

    /** What the last append of the open transaction wrote, for the snapshots saved right after it (SqliteSnapshots). */
    final LastAppend lastAppend = new LastAppend();
    private long dataVersion = Long.MIN_VALUE;
    /**
     * The key of the next stream this connection creates: SQLite's own choice for a new row (the greatest key plus one),
     * read once and then counted, valid like what {@link KnownStreams} holds of the last commit; 0 until read, and again after a rollback.
     */
    private long nextStreamKey;
    /** Tells an append that cannot be a retry (an import's: its ids grow), whose look-up of its first id is skipped. */
    private final GreatestEventId greatestEventId;
    /** Told after each commit: checkpoints the WAL beside the writer when it has grown enough. */
    private final Runnable committed;

    SqliteAppender(Connection connection, Clock clock, StreamNameCache streamNames, Runnable committed) {
        this.connection = connection;
        this.committed = committed;
        this.clock = clock;
        this.streamNames = streamNames;
        try {
            selectStream = connection.prepareStatement("SELECT s.stream_key, " + LedgerSchema.versionOf("s.stream_key")
                    + " FROM streams s WHERE s.stream_id = ?");
            // the key given, not RETURNING it: RETURNING made each insert cost about twice as much (docs/benchmarks-store.md)
            insertStream = connection.prepareStatement("INSERT INTO streams (stream_key, stream_id, category) VALUES (?, ?, ?)"
                    + " ON CONFLICT (stream_id) DO NOTHING");
            selectGreatestStreamKey = connection.prepareStatement("SELECT max(stream_key) FROM streams");
            greatestEventId = new GreatestEventId(connection.prepareStatement("SELECT max(event_id) FROM events"));
            // the last event, and beside it the head position the last commit recorded: one row even without events
            selectHead = connection.prepareStatement("SELECT e.position, e.hash, e.recorded_at,"
                    + " (SELECT value FROM ledger_meta WHERE key = 'head_position') FROM (SELECT 1)"
                    + " LEFT JOIN (SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1) e");
            findEvent = connection.prepareStatement(
                    "SELECT e.position, s.stream_id, " + LedgerSchema.versionOf("e.stream_key")
                            + " FROM events e JOIN streams s ON s.stream_key = e.stream_key WHERE e.event_id = ?");
            insertEvent = connection.prepareStatement("INSERT INTO events (position, event_id, stream_key, version, type,"
                    + " schema_version, data, user_name, correlation_id, causation_id, command_name, recorded_at, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            updateHead = connection.prepareStatement("INSERT INTO ledger_meta (key, value) VALUES ('head_position', ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            control = connection.createStatement();
            dataVersionQuery = connection.prepareStatement("PRAGMA data_version");
        } catch (SQLException e) {
            throw new EventStoreException("Cannot prepare the ledger for writing: " + e.getMessage(), e);
        }
    }

    private boolean transactionOpen;

    /** Whether a transaction opened by {@link #begin} is still open (a bulk append is under way). */
    boolean transactionOpen() {
        return transactionOpen;
    }

    void begin() throws SQLException {
        control.execute("BEGIN IMMEDIATE");
        transactionOpen = true;
        streams.begin();
        forgetUnwritten();
        head = null;
        try (ResultSet row = dataVersionQuery.executeQuery()) {
            long current = row.next() ? row.getLong(1) : Long.MIN_VALUE;
            if (current != dataVersion) {
                streams.forgetCommitted();
                greatestEventId.forget();
                nextStreamKey = 0;
                dataVersion = current;
            }
        }
    }

    void commit() throws SQLException {
        writeHead();
        control.execute("COMMIT");
        transactionOpen = false;
        head = null;
        streams.committed();
        lastAppend.clear();
        committed.run();
    }

    void rollback() {
        transactionOpen = false;
        streams.rolledBack();
        nextStreamKey = 0;
        head = null;
        lastAppend.clear();
        forgetUnwritten();
        try {
            control.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction may already have been rolled back by SQLite itself
        }
    }

    /** One append inside a transaction the caller opened with {@link #begin}. */
    AppendResult appendWithin(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        IdempotentRetry.requireDistinctStreams(appends);
        return appendInTransaction(appends);
    }

    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        IdempotentRetry.requireDistinctStreams(appends);
        begin();
        boolean committed = false;
        try {
            AppendResult result = appendInTransaction(appends);
            commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollback();
            }
        }
    }

    private AppendResult appendInTransaction(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        lastAppend.clear();
        AppendResult original = greatestEventId.surelyNew(appends) ? null
                : IdempotentRetry.original(appends, this::find, stream -> lookUp(stream)[1]);
        if (original != null) {
            return original;
        }
        // each append's stream {key, version}, by the append's index (the streams are distinct); for a stream found among
        // the last commit its entry itself (also in remembered), which the write below moves in place (KnownStreams.moved)
        long[][] places = new long[appends.size()][];
        long[][] remembered = new long[places.length][];
        // one stream this connection does not know, which may be new, is created after every other check instead of
        // looked up first (an import's entry streams: one query less per entry); its row tells whether it was new
        StreamAppend maybeNew = null;
        int maybeNewAt = -1;
        int at = -1;
        for (StreamAppend append : appends) {
            at++;
            long[] keyAndVersion = streams.ofTransaction(append.stream());
            if (keyAndVersion == null) {
                keyAndVersion = streams.ofLastCommit(append.stream());
                remembered[at] = keyAndVersion;
            }
            if (keyAndVersion == null && maybeNew == null && !append.events().isEmpty()
                    && append.expected().isSatisfiedBy(0)) {
                maybeNew = append;
                maybeNewAt = at;
                continue;
            }
            if (keyAndVersion == null) {
                keyAndVersion = lookUpStored(append.stream());
                if (append.events().isEmpty() && keyAndVersion[0] != 0) {
                    // a stream only checked, never moved (every imported entry checks the ledger stream's version):
                    // its stored version holds for the rest of the transaction, so it is looked up once, not per append
                    streams.checked(append.stream(), keyAndVersion[0], keyAndVersion[1]);
                }
            }
            if (!append.expected().isSatisfiedBy(keyAndVersion[1])) {
                throw new ConcurrencyConflict(append.stream(), append.expected(), keyAndVersion[1]);
            }
            places[at] = keyAndVersion;
        }
        if (maybeNew != null) {
            places[maybeNewAt] = createUnlessStored(maybeNew);
        }
        long position;
        byte[] previousHash;
        long lastRecordedAt;
        if (head != null) {
            position = head.position();
            previousHash = head.hash();
            lastRecordedAt = head.recordedAt();
        } else {
            try (ResultSet row = selectHead.executeQuery()) {
                row.next();
                boolean any = row.getObject(1) != null;
                position = any ? row.getLong(1) : 0;
                previousHash = any ? row.getBytes(2) : EventHashChain.GENESIS;
                lastRecordedAt = any ? row.getLong(3) : Long.MIN_VALUE;
                RecordedHeadCheck.require(row.getString(4), position);
            }
        }
        long recordedAt = Math.max(IdempotentRetry.micros(clock.instant()), lastRecordedAt);
        List<Long> positions = new ArrayList<>();
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        at = -1;
        for (StreamAppend append : appends) {
            at++;
            long[] keyAndVersion = places[at];
            boolean created = append == maybeNew ? keyAndVersion[2] == 1 : keyAndVersion[0] == 0 && !append.events().isEmpty();
            if (created && keyAndVersion[0] == 0) {
                keyAndVersion[0] = createStream(append.stream());
            }
            long version = keyAndVersion[1];
            for (NewEvent event : append.events()) {
                position++;
                version++;
                byte[] hash = hashChain.link(previousHash, event.eventId(), append.stream().value(), version, event.type(),
                        event.schemaVersion(), recordedAt, event.metadata().user(), event.metadata().correlationId(),
                        event.metadata().causationId(), event.metadata().commandName(), event.data());
                insertEvent.setLong(1, position);
                insertEvent.setString(2, event.eventId());
                insertEvent.setLong(3, keyAndVersion[0]);
                insertEvent.setLong(4, version);
                insertEvent.setString(5, event.type());
                insertEvent.setInt(6, event.schemaVersion());
                insertEvent.setString(7, event.data());
                insertEvent.setString(8, event.metadata().user());
                insertEvent.setString(9, event.metadata().correlationId());
                insertEvent.setString(10, event.metadata().causationId());
                insertEvent.setString(11, event.metadata().commandName());
                insertEvent.setLong(12, recordedAt);
                insertEvent.setBytes(13, hash);
                insertEvent.addBatch();
                previousHash = hash;
                positions.add(position);
            }
            if (!append.events().isEmpty() && !created) {
                streams.moved(append.stream(), remembered[at], keyAndVersion[0], version);
                lastAppend.add(append.stream(), keyAndVersion[0], version, previousHash);
            } else if (created) {
                // a stream created above is remembered only among the last few (an import's million entry streams
                // are each appended to once); lookUp reads an older one's key and version if it is needed again
                streams.created(append.stream(), keyAndVersion[0], version);
                lastAppend.add(append.stream(), keyAndVersion[0], version, previousHash);
            }
            versions.put(append.stream(), version);
        }
        streams.forgetPendingIfMany();
        if (!positions.isEmpty()) {
            try {
                insertEvent.executeBatch();
            } catch (SQLException e) {
                insertEvent.clearBatch();
                throw duplicateOrFailure(e, appends);
            }
            unwrittenHead = position;
            head = transactionOpen ? new Head(position, previousHash, recordedAt) : null;
            greatestEventId.raise(appends);
        }
        lastAppend.written();
        return new AppendResult(positions, versions, false);
    }

    /**
     * {key, version, 1 when created here} of a stream this connection does not know, whose expected version a new
     * stream satisfies: its row is inserted unless one is stored, in which case the stored stream is checked as usual.
     */
    private long[] createUnlessStored(StreamAppend append) throws ConcurrencyConflict, SQLException {
        long streamKey = insertStream(append.stream());
        if (streamKey != 0) {
            return new long[] {streamKey, 0, 1};
        }
        long[] stored = lookUpStored(append.stream());
        if (!append.expected().isSatisfiedBy(stored[1])) {
            throw new ConcurrencyConflict(append.stream(), append.expected(), stored[1]);
        }
        return new long[] {stored[0], stored[1], 0};
    }

    private IdempotentRetry.StoredEvent find(String eventId) throws SQLException {
        findEvent.setString(1, eventId);
        try (ResultSet row = findEvent.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            return new IdempotentRetry.StoredEvent(row.getLong(1), row.getString(2), row.getLong(3));
        }
    }

    /** Writes the head position that the open transaction's appends moved (see {@link #unwrittenHead}). */
    private void writeHead() throws SQLException {
        if (unwrittenHead > 0) {
            updateHead.setString(1, Long.toString(unwrittenHead));
            updateHead.executeUpdate();
            unwrittenHead = 0;
        }
    }

    private void forgetUnwritten() {
        unwrittenHead = 0;
    }

    private long[] lookUp(StreamId stream) throws SQLException {
        long[] known = streams.known(stream);
        return known != null ? known : lookUpStored(stream);
    }

    /** {key, version} of a stream as stored; {0, 0} when it has no row. */
    private long[] lookUpStored(StreamId stream) throws SQLException {
        selectStream.setString(1, stream.value());
        try (ResultSet row = selectStream.executeQuery()) {
            return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : new long[] {0, 0};
        }
    }

    /** Creates the row of a stream that has none (the caller looked), and returns its key. */
    private long createStream(StreamId stream) throws SQLException {
        long streamKey = insertStream(stream);
        if (streamKey == 0) {
            throw new SQLException("the stream '" + stream + "' has a row already, though none was found");
        }
        return streamKey;
    }

    /** Inserts the stream's row and returns its key, or 0 when the stream has a row already (nothing is written then). */
    private long insertStream(StreamId stream) throws SQLException {
        if (nextStreamKey == 0) {
            try (ResultSet row = selectGreatestStreamKey.executeQuery()) {
                nextStreamKey = (row.next() ? row.getLong(1) : 0) + 1;
            }
        }
        insertStream.setLong(1, nextStreamKey);
        insertStream.setString(2, stream.value());
        insertStream.setString(3, stream.category());
        if (insertStream.executeUpdate() == 0) {
            return 0;
        }
        streamNames.remember(nextStreamKey, stream);
        return nextStreamKey++;
    }

    /** A broken unique constraint on insert means a repeated or already stored event id: say which. */
    private RuntimeException duplicateOrFailure(SQLException e, List<StreamAppend> appends) throws SQLException {
        if (SqliteErrors.isUniqueViolation(e)) {
            EventStoreException clash = IdempotentRetry.clash(appends, this::find);
            if (clash != null) {
                return clash;
            }
        }
        throw e;
    }

    /** Forgets the streams (and the head) it remembers, after their rows were written by other means (a ledger copy). */
    void forgetStreams() {
        streams.forgetAll();
        greatestEventId.forget();
        nextStreamKey = 0;
        lastAppend.clear();
        forgetUnwritten();
        head = null;
    }
}
