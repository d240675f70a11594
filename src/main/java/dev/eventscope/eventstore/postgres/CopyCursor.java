package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventHashChain;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * The whole-ledger cursor: {@code COPY (SELECT <}{@link EventRows#COLUMNS}{@code > ... ORDER BY position) TO STDOUT
 * (FORMAT binary)} on a connection of its own. The server streams the rows in its binary form (integers as 8 bytes,
 * text as UTF-8, the hash as its raw bytes), so neither side formats or parses text for them, and pgjdbc hands over
 * each row's bytes without building a result set; the socket's flow control keeps the rows in flight to a few
 * messages, so memory stays constant whatever the size of the ledger. The statement sees the ledger as it was when
 * it started. Reading to the end leaves the connection idle and closes it; closing the cursor midway closes the
 * connection, which ends the server's {@code COPY} and its backend (measured in {@code CopyCursorTest}).
 */
final class CopyCursor implements EventCursor {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIELDS = 13;
    /** The two lower-case hex digits of each byte value, side by side. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (int b = 0; b < 256; b++) {
            HEX_PAIRS[2 * b] = digits[b >>> 4];
            HEX_PAIRS[2 * b + 1] = digits[b & 0xf];
        }
    }

    private final Connection connection;
    private final CopyOut copy;
    private final LongFunction<StreamId> names;
    private final Failure failure;
    private byte[] chunk = new byte[0];
    private int at;
    private boolean headerRead;
    private long lastPosition;
    private final byte[][] repeatedBytes = new byte[5][];
    private final String[] repeatedTexts = new String[5];
    private long previousStreamKey = -1;
    private StreamId previousStream;
    private EventMetadata previousMetadata = new EventMetadata("", null, null, null);
    private RecordedEvent next;
    private boolean closed;

    /** Turns an error of the read into the store's sentence; {@code lastPosition} is the last event handed out (0: none). */
    @FunctionalInterface
    interface Failure {
        EventStoreException of(SQLException e, long lastPosition);
    }

    /**
     * Starts {@code COPY (select) TO STDOUT (FORMAT binary)} on {@code connection}, which the cursor owns from now on;
     * {@code select} returns {@link EventRows#COLUMNS} in position order, with its values written into it (a
     * {@code COPY} takes no parameters). {@code names} resolves a stream key.
     */
    static CopyCursor start(Connection connection, String select, LongFunction<StreamId> names, Failure failure) {
        try {
            connection.setAutoCommit(true);
            return new CopyCursor(connection, connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)"), names, failure);
        } catch (SQLException e) {
            PostgresConnections.closeQuietly(connection);
            throw failure.of(e, 0);
        }
    }

    /** The events of a binary {@code COPY} of {@link EventRows#COLUMNS} under way on {@code connection}. */
    CopyCursor(Connection connection, CopyOut copy, LongFunction<StreamId> names, Failure failure) {
        this.connection = connection;
        this.copy = copy;
        this.names = names;
        this.failure = failure;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            next = readRow();
        } catch (SQLException e) {
            close();
            throw failure.of(e, lastPosition);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (next == null) {
            close();
            return false;
        }
        lastPosition = next.position();
        return true;
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in this cursor");
        }
        RecordedEvent event = next;
        next = null;
        return event;
    }

    /** The next row as an event, or null after the last one (the server's {@code COPY} then has ended). */
    private RecordedEvent readRow() throws SQLException {
        if (!headerRead) {
            readHeader();
        }
        if (!fill(2)) {
            throw malformed("the server's COPY stream ended without its trailer");
        }
        short fields = (short) SHORT.get(chunk, at);
        at += 2;
        if (fields == -1) {
            if (copy.readFromCopy() != null) {
                throw malformed("the server sent data after the COPY stream's trailer");
            }
            return null;
        }
        if (fields != FIELDS) {
            throw malformed("a row of " + fields + " columns where " + FIELDS + " were asked for");
        }
        long position = longField();
        String eventId = textField();
        long streamKey = longField();
        long version = longField();
        String type = repeatedText(0);
        int schemaVersion = intField();
        String data = textField();
        String user = repeatedText(1);
        String correlation = repeatedText(2);
        String causation = repeatedText(3);
        String command = repeatedText(4);
        long recordedAt = longField();
        String hash = hexField();
        if (streamKey != previousStreamKey) {
            previousStream = names.apply(streamKey);
            previousStreamKey = streamKey;
        }
        return new RecordedEvent(position, eventId, previousStream, version, type, schemaVersion, data,
                metadata(user, correlation, causation, command), recordedAt, hash);
    }

    /** The previous row's metadata when its four texts are the very same strings (the events of one command), else new. */
    private EventMetadata metadata(String user, String correlation, String causation, String command) {
        EventMetadata previous = previousMetadata;
        if (previous.user() != user || previous.correlationId() != correlation || previous.causationId() != causation
                || previous.commandName() != command) {
            previousMetadata = new EventMetadata(user, correlation, causation, command);
        }
        return previousMetadata;
    }

    private void readHeader() throws SQLException {
        if (!fill(SIGNATURE.length + 8) || !Arrays.equals(chunk, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw malformed("the server's COPY stream does not start with the binary COPY signature");
        }
        at += SIGNATURE.length + 4; // the flags: no OIDs (the only flag there is), the rest reserved
        int extension = (int) INT.get(chunk, at);
        at += 4;
        if (extension < 0 || !fill(extension)) {
            throw malformed("the binary COPY header's extension is cut short");
        }
        at += extension;
        headerRead = true;
    }

    /** The length of the next field, its bytes then ready in {@code chunk} from {@code at}; -1 for null. */
    private int field() throws SQLException {
        if (!fill(4)) {
            throw malformed("a row ends before its last column");
        }
        int length = (int) INT.get(chunk, at);
        at += 4;
        if (length < -1 || length >= 0 && !fill(length)) {
            throw malformed("a column is cut short");
        }
        return length;
    }

    private long longField() throws SQLException {
        if (field() != 8) {
            throw malformed("a bigint column is not 8 bytes");
        }
        long value = (long) LONG.get(chunk, at);
        at += 8;
        return value;
    }

    private int intField() throws SQLException {
        if (field() != 4) {
            throw malformed("an integer column is not 4 bytes");
        }
        int value = (int) INT.get(chunk, at);
        at += 4;
        return value;
    }

    private String textField() throws SQLException {
        int length = field();
        if (length < 0) {
            return null;
        }
        String text = new String(chunk, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    /**
     * A text column whose values repeat from row to row (type, user, correlation, causation, command): the previous row's
     * string when the bytes are the same, so that it is neither decoded nor allocated again, and its hash code (the
     * codec looks the type up by name) is computed once.
     */
    private String repeatedText(int column) throws SQLException {
        int length = field();
        if (length < 0) {
            return null;
        }
        byte[] previous = repeatedBytes[column];
        if (previous == null || !Arrays.equals(previous, 0, previous.length, chunk, at, at + length)) {
            repeatedBytes[column] = Arrays.copyOfRange(chunk, at, at + length);
            repeatedTexts[column] = new String(chunk, at, length, StandardCharsets.UTF_8);
        }
        at += length;
        return repeatedTexts[column];
    }

    /** The hash in lower-case hex, as {@link EventHashChain#hex} writes it, straight from the row's bytes. */
    private String hexField() throws SQLException {
        int length = field();
        if (length < 0) {
            throw malformed("an event without its hash");
        }
        byte[] hex = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            int pair = 2 * (chunk[at + i] & 0xff);
            hex[2 * i] = HEX_PAIRS[pair];
            hex[2 * i + 1] = HEX_PAIRS[pair + 1];
        }
        at += length;
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes {@code count} bytes available from {@code at}, reading the server's next messages as needed (a row
     * normally comes in one message, the header with the first row); false when the stream ends first.
     */
    private boolean fill(int count) throws SQLException {
        while (chunk.length - at < count) {
            byte[] message = copy.readFromCopy();
            if (message == null) {
                return false;
            }
            int left = chunk.length - at;
            if (left == 0) {
                chunk = message;
            } else {
                byte[] joined = Arrays.copyOfRange(chunk, at, at + left + message.length);
                System.arraycopy(message, 0, joined, left, message.length);
                chunk = joined;
            }
            at = 0;
        }
        return true;
    }

    private static SQLException malformed(String what) {
        return new SQLException("unexpected binary COPY data: " + what, "XX000");
    }

    /**
     * Closes the connection. Midway through the {@code COPY} that drops the socket: the server's next write fails
     * and its backend ends, releasing the statement's snapshot, instead of sending the rest of the ledger to be thrown
     * away (which is what pgjdbc's own cancel does).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        chunk = new byte[0];
        PostgresConnections.closeQuietly(connection);
    }
}
