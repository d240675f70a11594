package dev.eventscope.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical encoding of an event and the SHA-256 link that chains it to the event before.
 * The layout is documented in docs/hash-chain.md; changing it breaks every existing ledger. It is part
 * of the store contract: every store adapter (SQLite, PostgreSQL) chains with this one encoding, so that
 * {@code verify} gives the same head hash for the same events in either. Not thread-safe: one per user.
 *
 * <pre>
 * hash = SHA-256( previousHash (32 bytes; 32 zero bytes for the first event) || canonical )
 * canonical = "eventscope/event/v1" as a string field, then in order:
 *   event id, stream id, version (int64), type, schema version (int32), recorded at (int64 µs),
 *   user, correlation id, causation id, command name, data
 * string field = int32 big-endian byte length, then the UTF-8 bytes; null = int32 -1, no bytes
 * </pre>
 */
public final class EventHashChain {

    /** The "previous hash" of the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];
    private static final String DOMAIN_TAG = "eventscope/event/v1";
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    /**
     * The canonical encoding, written in place: a plain array, because ByteArrayOutputStream locks on
     * every byte and copies on every read, which cost more than the SHA-256 itself (JFR, docs/benchmarks-store.md).
     */
    private byte[] buffer = new byte[1024];
    private int length;

    public EventHashChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The hash of an event given the hash of the event before it. */
    public byte[] link(byte[] previousHash, String eventId, String streamId, long version, String type, int schemaVersion,
                long recordedAtMicros, String user, String correlationId, String causationId, String commandName,
                String data) {
        length = 0;
        writeString(DOMAIN_TAG);
        writeString(eventId);
        writeString(streamId);
        writeLong(version);
        writeString(type);
        writeInt(schemaVersion);
        writeLong(recordedAtMicros);
        writeString(user);
        writeString(correlationId);
        writeString(causationId);
        writeString(commandName);
        writeString(data);
        // digest() leaves the digest reset for the next link
        sha256.update(previousHash);
        sha256.update(buffer, 0, length);
        return sha256.digest();
    }

    /**
     * The canonical encoding of an event cut where its version and recorded time go, for a store that
     * learns those two only under its lock on the server: {@code [before the version, between the version
     * and the recorded time, after the recorded time]}, so that
     * {@code link(...) = SHA-256(previousHash || parts[0] || int64(version) || parts[1] || int64(recordedAt) || parts[2])}.
     */
    public byte[][] parts(String eventId, String streamId, String type, int schemaVersion, String user,
                          String correlationId, String causationId, String commandName, String data) {
        length = 0;
        writeString(DOMAIN_TAG);
        writeString(eventId);
        writeString(streamId);
        byte[] beforeVersion = java.util.Arrays.copyOf(buffer, length);
        length = 0;
        writeString(type);
        writeInt(schemaVersion);
        byte[] beforeRecordedAt = java.util.Arrays.copyOf(buffer, length);
        length = 0;
        writeString(user);
        writeString(correlationId);
        writeString(causationId);
        writeString(commandName);
        writeString(data);
        return new byte[][] {beforeVersion, beforeRecordedAt, java.util.Arrays.copyOf(buffer, length)};
    }

    /**
     * Lower-case hex of a hash, null for null: the text {@link java.util.HexFormat#of()} gives, written into one array (every event
     * a catch-up reads carries its hash as text; {@code HexFormat} appended it character by character to a builder,
     * about a tenth of a first open's read-ahead thread, docs/cli-speed.md, session 15).
     */
    public static String hex(byte[] hash) {
        if (hash == null) {
            return null;
        }
        byte[] text = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            text[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xF];
            text[2 * i + 1] = HEX_DIGITS[hash[i] & 0xF];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private void writeString(String value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        ensureRoom(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void writeInt(int value) {
        ensureRoom(4);
        buffer[length] = (byte) (value >>> 24);
        buffer[length + 1] = (byte) (value >>> 16);
        buffer[length + 2] = (byte) (value >>> 8);
        buffer[length + 3] = (byte) value;
        length += 4;
    }

    private void ensureRoom(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }
}
