package dev.eventscope.eventstore.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of an event and its SHA-256 link, exactly as docs/hash-chain.md and the
 * SQLite store's {@code HashChain} define it, so that a ledger gives the same head hash in either
 * store. It is a copy rather than a shared class because the SQLite one is package-private and
 * being reworked in parallel; {@code SameHashesAsSqliteTest} appends the same events to both stores
 * and fails the moment the two encodings differ.
 */
final class PostgresHashChain {

    static final byte[] GENESIS = new byte[32];
    private static final String DOMAIN_TAG = "eventscope/event/v1";
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    PostgresHashChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The hash of an event given the hash of the event before it. */
    byte[] link(byte[] previousHash, String eventId, String streamId, long version, String type, int schemaVersion,
                long recordedAtMicros, String user, String correlationId, String causationId, String commandName,
                String data) {
        buffer.reset();
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
        sha256.reset();
        sha256.update(previousHash);
        sha256.update(buffer.toByteArray());
        return sha256.digest();
    }

    static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    private void writeString(String value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        buffer.write(bytes, 0, bytes.length);
    }

    private void writeInt(int value) {
        buffer.write(value >>> 24);
        buffer.write(value >>> 16);
        buffer.write(value >>> 8);
        buffer.write(value);
    }

    private void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }
}
