package dev.eventscope.eventstore;

/**
 * How both store adapters write a snapshot row: selected from the stream's row, so a snapshot of a
 * stream that does not have that many events writes nothing and is refused with one sentence.
 */
public final class SnapshotRows {

    /** The columns written, in the order of {@link #parameters}. */
    public static final String COLUMNS = "(stream_key, version, state_type, state_schema_version, data)";

    private SnapshotRows() {
    }

    /** {@code SELECT} of the row to insert from the given streams table, with {@code ?} for {@link #parameters}. */
    public static String selectFrom(String streamsTable) {
        return "SELECT stream_key, ?, ?, ?, ? FROM " + streamsTable + " WHERE stream_id = ? AND version >= ?";
    }

    /** The values of the {@code ?} of {@link #selectFrom}, in order. */
    public static Object[] parameters(Snapshot snapshot) {
        return new Object[] {snapshot.version(), snapshot.stateType(), snapshot.stateSchemaVersion(), snapshot.data(),
                snapshot.stream().value(), snapshot.version()};
    }

    /** The refusal when no row was written. */
    public static EventStoreException beyondTheStream(Snapshot snapshot) {
        return new EventStoreException("Cannot save a snapshot of '" + snapshot.stream() + "' at version "
                + snapshot.version() + ": the stream does not have that many events.");
    }
}
