package dev.eventscope.eventstore;

/**
 * Thrown by {@link EventStore#append} when a stream is not at the version the writer expected.
 * Nothing of the append was written.
 */
public class ConcurrencyConflict extends Exception {

    private final StreamId stream;
    private final ExpectedVersion expected;
    private final long actualVersion;

    public ConcurrencyConflict(StreamId stream, ExpectedVersion expected, long actualVersion) {
        super("Stream '" + stream + "' was expected at " + expected + " but is at "
                + (actualVersion == 0 ? "no stream (it does not exist)" : "version " + actualVersion)
                + "; someone else wrote to it first. Nothing was written.");
        this.stream = stream;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused; 0 when the stream does not exist. */
    public long actualVersion() {
        return actualVersion;
    }
}
