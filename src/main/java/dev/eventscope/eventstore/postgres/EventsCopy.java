package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.NewEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A bulk's events written into the events table with {@code COPY ... FROM STDIN} (text format), the
 * server's cheapest way in: no statement to plan, no arrays to parse. The {@code COPY} starts before the
 * first row is made and rows go to the server in chunks of about {@value #CHUNK} characters while the
 * caller hashes the next ones, so the server inserts while the client works; {@link #finish} ends it,
 * inside the bulk's transaction (so under its head lock, and undone with it), and closing an unfinished
 * one cancels it. Text and bytes are escaped as the text format requires; null is {@code \N}.
 */
final class EventsCopy implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder rows = new StringBuilder(CHUNK + 4096);

    private EventsCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts a {@code COPY} into {@code schema.events}. */
    static EventsCopy start(Connection connection, String schema) throws SQLException {
        return new EventsCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + schema + ".events (position,"
                + " event_id, stream_key, version, type, schema_version, data, user_name, correlation_id, causation_id,"
                + " command_name, recorded_at, prev_hash, hash) FROM STDIN"));
    }

    /** One event row, its position, stream key, version, recorded time and hashes decided by the caller. */
    void add(long position, NewEvent event, long streamKey, long version, long recordedAt, byte[] previousHash, byte[] hash)
            throws SQLException {
        rows.append(position).append('\t');
        text(event.eventId());
        rows.append(streamKey).append('\t').append(version).append('\t');
        text(event.type());
        rows.append(event.schemaVersion()).append('\t');
        text(event.data());
        text(event.metadata().user());
        text(event.metadata().correlationId());
        text(event.metadata().causationId());
        text(event.metadata().commandName());
        rows.append(recordedAt).append("\t\\\\x").append(HEX.formatHex(previousHash)).append("\t\\\\x")
                .append(HEX.formatHex(hash)).append('\n');
        if (rows.length() >= CHUNK) {
            send();
        }
    }

    /** Sends the last rows and ends the {@code COPY}: every row is in the table (in this transaction). */
    void finish() throws SQLException {
        send();
        copy.endCopy();
    }

    /** Cancels a {@code COPY} that was not finished (the caller's step failed). */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void send() throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A text column and its tab: backslash, tab, newline and carriage return escaped; null as \N. */
    private void text(String value) {
        if (value == null) {
            rows.append("\\N\t");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        rows.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        rows.append('\t');
    }
}
