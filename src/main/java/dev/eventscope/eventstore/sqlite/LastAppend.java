package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.List;

/**
 * What the last append of the writer's open transaction wrote, stream by stream: each moved stream's key, last version
 * and last event hash. An import saves the snapshots due after an append right after it, and with these it needs
 * neither a look-up of the stream's key nor one of the event's hash (two queries per snapshot; docs/benchmarks-store.md,
 * "Session 19 (importwrite)"). Known only once the append's events were all written; emptied by the next append and
 * by every commit, rollback and forgetting. Not thread-safe: the writer's own.
 */
final class LastAppend {

    /** A stream's last event as the last append wrote it. */
    record WrittenEvent(StreamId stream, long streamKey, long version, byte[] hash) {
    }

    private final List<WrittenEvent> streams = new ArrayList<>();
    /** Whether the append's batch went through: before that, what {@link #streams} holds is not in the ledger. */
    private boolean written;

    void clear() {
        streams.clear();
        written = false;
    }

    void add(StreamId stream, long streamKey, long version, byte[] hash) {
        streams.add(new WrittenEvent(stream, streamKey, version, hash));
    }

    void written() {
        written = true;
    }

    /** The stream's event at {@code version} when it is the stream's last one in the last append; null otherwise. */
    WrittenEvent find(StreamId stream, long version) {
        if (!written) {
            return null;
        }
        for (WrittenEvent event : streams) {
            if (event.version() == version && event.stream().equals(stream)) {
                return event;
            }
        }
        return null;
    }
}
