package dev.eventscope.eventstore;

/**
 * How both store adapters select and decode the rows of their {@code events} table (aliased {@code e}):
 * the same columns in the same order, read through the adapter's own column getters (a JDBC result
 * set's {@code getLong}, {@code getInt}, {@code getString}, {@code getBytes}), so this package needs no
 * JDBC. {@code X} is what the getters throw.
 */
public final class EventRows<X extends Exception> {

    /** The columns of an event, in the order {@link #event} reads them; {@code stream_key} is resolved by the adapter. */
    public static final String COLUMNS = "e.position, e.event_id, e.stream_key, e.version, e.type, e.schema_version, e.data,"
            + " e.user_name, e.correlation_id, e.causation_id, e.command_name, e.recorded_at, e.hash";

    /**
     * The columns the hash-chain walk reads, in the order {@link #chainLink} reads them; the stream's id
     * (column 3) comes from the adapter's join or sub-select.
     */
    public static final String CHAIN_COLUMNS_AFTER_STREAM = "e.version, e.type, e.schema_version, e.recorded_at,"
            + " e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data, e.prev_hash, e.hash";

    /**
     * {@link #CHAIN_COLUMNS_AFTER_STREAM} without the stored previous hash, for a table that keeps none (a SQLite
     * ledger of schema 3, where the previous hash is the hash of the row at the position before): read by
     * {@link #chainLinkAfter}.
     */
    public static final String CHAIN_COLUMNS_WITHOUT_PREVIOUS = "e.version, e.type, e.schema_version, e.recorded_at,"
            + " e.user_name, e.correlation_id, e.causation_id, e.command_name, e.data, e.hash";

    /** A column getter of one type. */
    @FunctionalInterface
    public interface Column<T, X extends Exception> {
        T at(int index) throws X;
    }

    @FunctionalInterface
    public interface LongColumn<X extends Exception> {
        long at(int index) throws X;
    }

    @FunctionalInterface
    public interface IntColumn<X extends Exception> {
        int at(int index) throws X;
    }

    /** Resolves a stream key to its id. */
    @FunctionalInterface
    public interface StreamNames<X extends Exception> {
        StreamId nameOf(long streamKey) throws X;
    }

    private final LongColumn<X> longs;
    private final IntColumn<X> ints;
    private final Column<String, X> texts;
    private final Column<byte[], X> bytes;

    /** Reads the current row through these getters (bound once to a result set, not per row). */
    public EventRows(LongColumn<X> longs, IntColumn<X> ints, Column<String, X> texts, Column<byte[], X> bytes) {
        this.longs = longs;
        this.ints = ints;
        this.texts = texts;
        this.bytes = bytes;
    }

    /** The current row of {@link #COLUMNS} as an event. */
    public RecordedEvent event(StreamNames<X> names) throws X {
        return new RecordedEvent(
                longs.at(1),
                texts.at(2),
                names.nameOf(longs.at(3)),
                longs.at(4),
                texts.at(5),
                ints.at(6),
                texts.at(7),
                new EventMetadata(texts.at(8), texts.at(9), texts.at(10), texts.at(11)),
                longs.at(12),
                EventHashChain.hex(bytes.at(13)));
    }

    /**
     * The current row of {@code position, event_id, stream_id, } {@link #CHAIN_COLUMNS_AFTER_STREAM} as a
     * link of the chain: the event, the hash it was chained to, its recorded hash, and the hash its stored
     * content gives now (from the raw columns, so a null stays null).
     */
    public ChainWalk.Link chainLink(EventHashChain hashChain) throws X {
        byte[] previousHash = bytes.at(13);
        return chainLink(hashChain, previousHash, bytes.at(14), false);
    }

    /**
     * The current row of {@code position, event_id, stream_id, } {@link #CHAIN_COLUMNS_WITHOUT_PREVIOUS} as a link
     * chained to {@code precedingHash}, the recorded hash of the row read before it ({@link EventHashChain#GENESIS}
     * before the first). The link can be chained again to another hash ({@link ChainWalk.Link#follows}), which is
     * how the walk tells an inserted or a swapped row from an altered one without a stored previous hash.
     */
    public ChainWalk.Link chainLinkAfter(EventHashChain hashChain, byte[] precedingHash) throws X {
        return chainLink(hashChain, precedingHash, bytes.at(13), true);
    }

    private ChainWalk.Link chainLink(EventHashChain hashChain, byte[] previousHash, byte[] hash, boolean relinkable) throws X {
        String streamId = texts.at(3);
        String eventId = texts.at(2);
        long version = longs.at(4);
        String type = texts.at(5);
        int schemaVersion = ints.at(6);
        long recordedAt = longs.at(7);
        String user = texts.at(8);
        String correlationId = texts.at(9);
        String causationId = texts.at(10);
        String commandName = texts.at(11);
        String data = texts.at(12);
        java.util.function.UnaryOperator<byte[]> content = previous -> hashChain.link(
                previous == null || previous.length == 0 ? EventHashChain.GENESIS : previous, eventId, streamId, version, type,
                schemaVersion, recordedAt, user, correlationId, causationId, commandName, data);
        byte[] computed = content.apply(previousHash);
        RecordedEvent event = new RecordedEvent(longs.at(1), eventId,
                streamId == null || streamId.isBlank() ? null : StreamId.of(streamId), version, type, schemaVersion,
                data, new EventMetadata(user == null ? "" : user, correlationId, causationId, commandName),
                recordedAt, EventHashChain.hex(hash));
        return relinkable ? new ChainWalk.Link(event, previousHash, hash, computed, content)
                : new ChainWalk.Link(event, previousHash, hash, computed);
    }
}
