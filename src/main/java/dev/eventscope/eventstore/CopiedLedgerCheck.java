package dev.eventscope.eventstore;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a ledger copy checks of every event it reads from the source, in position order, before
 * writing it as recorded: positions contiguous from 1, versions contiguous per stream, each hash
 * recomputed from the content and the hash before it (the canonical encoding of {@link EventHashChain}),
 * and recorded times never going back. A source that fails is refused with one sentence naming the
 * position. Memory grows with the number of streams, not events.
 */
public final class CopiedLedgerCheck {

    private static final HexFormat HEX = HexFormat.of();

    /** What a copy knows of one stream so far: the target's key for it (0 until created), its version and last position. */
    public static final class CopiedStream {
        private long key;
        private long version;
        private long lastPosition;

        public long key() {
            return key;
        }

        public void key(long value) {
            key = value;
        }

        public long version() {
            return version;
        }

        public long lastPosition() {
            return lastPosition;
        }
    }

    private final String sourceName;
    private final EventHashChain hashChain = new EventHashChain();
    private final Map<StreamId, CopiedStream> streams = new HashMap<>();
    private byte[] previousHash = EventHashChain.GENESIS;
    private long lastPosition;
    private long lastRecordedAt = Long.MIN_VALUE;

    public CopiedLedgerCheck(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Checks the next event of the source; returns its stream as it stands after the event. */
    public CopiedStream accept(RecordedEvent event) {
        long expectedPosition = lastPosition + 1;
        if (event.position() != expectedPosition) {
            throw broken(expectedPosition, "position " + expectedPosition + " is missing");
        }
        CopiedStream stream = streams.computeIfAbsent(event.streamId(), id -> new CopiedStream());
        if (event.version() != stream.version + 1) {
            throw broken(event.position(), "its version " + event.version() + " of '" + event.streamId()
                    + "' does not follow version " + stream.version);
        }
        byte[] hash = hashChain.link(previousHash, event.eventId(), event.streamId().value(), event.version(), event.type(),
                event.schemaVersion(), event.recordedAtMicros(), event.metadata().user(), event.metadata().correlationId(),
                event.metadata().causationId(), event.metadata().commandName(), event.data());
        if (!EventHashChain.hex(hash).equals(event.hash())) {
            throw broken(event.position(), "its content no longer gives its recorded hash");
        }
        if (event.recordedAtMicros() < lastRecordedAt) {
            throw broken(event.position(), "its recorded time goes back before the event before it");
        }
        stream.version = event.version();
        stream.lastPosition = event.position();
        previousHash = hash;
        lastPosition = event.position();
        lastRecordedAt = event.recordedAtMicros();
        return stream;
    }

    private EventStoreException broken(long position, String what) {
        return new EventStoreException("The ledger " + sourceName + " is not intact at position " + position + ": " + what
                + "; run eventscope verify on it. Nothing was copied.");
    }

    /** The hash of the last accepted event (32 zero bytes before the first), to chain the next one to. */
    public byte[] previousHash() {
        return previousHash;
    }

    /** The stored form of an accepted event's hash. */
    public static byte[] hashOf(RecordedEvent event) {
        return HEX.parseHex(event.hash());
    }

    public long lastPosition() {
        return lastPosition;
    }

    public long lastRecordedAt() {
        return lastRecordedAt;
    }

    /** Every stream seen so far. */
    public Map<StreamId, CopiedStream> streams() {
        return streams;
    }

    /** The refusal for a target that already holds events. */
    public static EventStoreException targetNotEmpty(String targetName) {
        return new EventStoreException("The target ledger " + targetName + " already holds events; a ledger is copied only"
                + " into a new, empty one (eventscope init). Nothing was copied.");
    }
}
