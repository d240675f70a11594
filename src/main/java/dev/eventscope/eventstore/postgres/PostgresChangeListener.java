package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendAnnouncer;
import dev.eventscope.eventstore.AppendListener;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Tells listeners about new events with PostgreSQL's {@code LISTEN}/{@code NOTIFY}: every statement
 * that moves {@code ledger_head} forward notifies the channel with "schema position", sent when the
 * append commits. A thread of its own waits on a dedicated connection for those notifications
 * (pgjdbc blocks in {@code getNotifications(timeout)}; the events table is never polled). Appends
 * made through this store are announced at once. The thread runs only while someone listens; when
 * its connection is lost it reconnects and announces whatever it missed.
 */
final class PostgresChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MILLIS = 250;

    private final String schema;
    private final Supplier<Connection> connections;
    private final LongSupplier lastPosition;
    private final AppendAnnouncer listeners = new AppendAnnouncer((listener, e) -> LOG.warn("an append listener failed", e));
    private Thread thread;
    private volatile boolean running;

    PostgresChangeListener(String schema, Supplier<Connection> connections, LongSupplier lastPosition) {
        this.schema = schema;
        this.connections = connections;
        this.lastPosition = lastPosition;
    }

    synchronized AutoCloseable subscribe(AppendListener listener) {
        if (thread == null) {
            // LISTEN before reading the head: an append committed in between is then both seen and announced once
            Connection connection = listen();
            listeners.startAt(lastPosition.getAsLong());
            running = true;
            thread = new Thread(() -> run(connection), "eventscope-listen-" + schema);
            thread.setDaemon(true);
            thread.start();
        }
        return listeners.add(listener);
    }

    /** Called by the store after its own commit. */
    void appendedHere(long toPosition) {
        if (running) {
            listeners.announceThrough(toPosition);
        }
    }

    private Connection listen() {
        Connection connection = connections.get();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PostgresSchema.CHANNEL);
            return connection;
        } catch (SQLException e) {
            PostgresConnections.closeQuietly(connection);
            throw new IllegalStateException("LISTEN failed: " + e.getMessage(), e);
        }
    }

    private void run(Connection first) {
        Connection connection = first;
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                    listeners.announceThrough(lastPosition.getAsLong());
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                long highest = -1;
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        highest = Math.max(highest, positionFor(notification.getParameter()));
                    }
                }
                if (highest > 0) {
                    listeners.announceThrough(highest);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("lost the change notifications of the ledger in schema {}: {}; reconnecting", schema, e.getMessage());
                PostgresConnections.closeQuietly(connection);
                connection = null;
                pauseBeforeReconnecting();
            }
        }
        PostgresConnections.closeQuietly(connection);
    }

    /** The position a payload announces for this ledger's schema; -1 for another ledger's. */
    private long positionFor(String payload) {
        int space = payload == null ? -1 : payload.lastIndexOf(' ');
        if (space < 0 || !payload.substring(0, space).equals(schema)) {
            return -1;
        }
        try {
            return Long.parseLong(payload.substring(space + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void pauseBeforeReconnecting() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            try {
                stopping.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listeners.clear();
    }
}
