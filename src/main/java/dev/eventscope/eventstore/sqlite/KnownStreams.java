package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams' {key, version} the writer knows without asking the ledger: as of its last commit ({@link #committed}),
 * moved or checked by the open transaction ({@link #pending}), and created by it ({@link #created}). Split out of
 * {@link SqliteAppender} (session 21), which asks it per stream and tells it where each transaction ends. Not
 * thread-safe: the writer's own.
 */
final class KnownStreams {

    /** Streams created by one transaction remembered at most (see {@link #created}). */
    static final int CREATED_AT_MOST = 32;
    /** Moved streams remembered at most within one transaction (see {@link #forgetPendingIfMany}). */
    static final int PENDING_AT_MOST = 50_000;

    /**
     * Stream keys and versions as of this connection's last commit, {key, version, transaction}. Valid only while no
     * other connection has committed, which {@code PRAGMA data_version} tells at the start of each transaction (the
     * writer then calls {@link #forgetCommitted}); saves a lookup per stream per append (a thousand per batch when
     * streams interleave). An append moves an entry in place ({@link #move}); slot 2 holds the number of the transaction
     * that last kept the entry's version for a rollback.
     */
    private final Map<StreamId, long[]> committed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, long[]> eldest) {
            return size() > 100_000;
        }
    };
    /**
     * Streams changed by the open transaction (and stored streams it only checked) that {@link #committed} does not hold,
     * {key, version, 0}, added to it on commit.
     */
    private final Map<StreamId, long[]> pending = new HashMap<>();
    /**
     * The last few streams this transaction created, with their versions: an import opens an account (a new stream)
     * and posts to it in its next append, which then needs no look-up (session 13's JFR: 9 % of the writer's SQLite
     * time for 2,000 of them). Kept apart from {@link #pending} so that a million entry streams, each created and
     * never appended to again, do not fill that map.
     */
    private final Map<StreamId, long[]> created = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StreamId, long[]> eldest) {
            return size() > CREATED_AT_MOST;
        }
    };
    /** Counts the transactions: an entry of {@link #committed} moved in one holds its number. */
    private long transaction;
    /** The entries of {@link #committed} the open transaction moved in place, and their versions before it. */
    private final List<long[]> moved = new ArrayList<>();
    private long[] movedVersions = new long[64];
    private int movedCount;

    void begin() {
        transaction++;
        forgetMoved();
        pending.clear();
        created.clear();
    }

    /** Another connection wrote: what this one committed may be out of date. */
    void forgetCommitted() {
        committed.clear();
        forgetMoved();
    }

    void committed() {
        forgetMoved();
        committed.putAll(pending);
        pending.clear();
        created.clear();
    }

    /** Puts the entries of {@link #committed} this transaction moved back where they were before it. */
    void rolledBack() {
        for (int i = 0; i < movedCount; i++) {
            moved.get(i)[1] = movedVersions[i];
        }
        forgetMoved();
        pending.clear();
        created.clear();
    }

    void forgetAll() {
        forgetCommitted();
        pending.clear();
        created.clear();
    }

    /** A copy of {key, version} of a stream this transaction moved, checked or created; null when it did none. */
    long[] ofTransaction(StreamId stream) {
        long[] known = pending.get(stream);
        if (known == null) {
            known = created.get(stream);
        }
        return known != null ? known.clone() : null;
    }

    /** The entry itself of a stream as of this connection's last commit (move it only by {@link #move}); null if none. */
    long[] ofLastCommit(StreamId stream) {
        return committed.get(stream);
    }

    /** A copy of {key, version} of a stream this transaction or an earlier one of this connection wrote; null if none. */
    long[] known(StreamId stream) {
        long[] known = ofTransaction(stream);
        if (known == null) {
            known = committed.get(stream);
            return known != null ? known.clone() : null;
        }
        return known;
    }

    /** A stored stream the transaction only checked: its version holds for the rest of the transaction. */
    void checked(StreamId stream, long key, long version) {
        pending.put(stream, new long[] {key, version, 0});
    }

    /**
     * A stream the transaction moved to {@code version}. An entry of {@link #committed} ({@code entry}, from
     * {@link #ofLastCommit}) is moved in place, its version before the transaction kept once for {@link #rolledBack}: no
     * copy into {@link #pending} and none back at the commit (session 21: a thousand streams per call when they
     * interleave). Any other stream ({@code entry} null) goes into {@link #pending}.
     */
    void moved(StreamId stream, long[] entry, long key, long version) {
        if (entry == null) {
            pending.put(stream, new long[] {key, version, 0});
            if (!created.isEmpty()) {
                created.remove(stream);
            }
            return;
        }
        if (entry[2] != transaction) {
            entry[2] = transaction;
            if (movedCount == movedVersions.length) {
                movedVersions = Arrays.copyOf(movedVersions, movedCount * 2);
            }
            movedVersions[movedCount++] = entry[1];
            moved.add(entry);
        }
        entry[1] = version;
    }

    /** A stream the transaction created (remembered only among the last {@link #CREATED_AT_MOST}). */
    void created(StreamId stream, long key, long version) {
        created.put(stream, new long[] {key, version});
    }

    /**
     * Forgets the streams this transaction moved once there are {@link #PENDING_AT_MOST}, so that a transaction of a
     * million appends to distinct streams holds at most that many in memory. A forgotten stream's version is read back
     * from the events' index, which this connection sees with the transaction's writes; its committed version is
     * forgotten too, since it is out of date.
     */
    void forgetPendingIfMany() {
        if (pending.size() >= PENDING_AT_MOST) {
            for (StreamId stream : pending.keySet()) {
                committed.remove(stream);
            }
            pending.clear();
            created.clear();
        }
    }

    private void forgetMoved() {
        moved.clear();
        movedCount = 0;
    }
}
