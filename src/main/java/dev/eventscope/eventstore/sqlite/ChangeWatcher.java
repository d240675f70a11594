package dev.eventscope.eventstore.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.AppendAnnouncer;
import dev.eventscope.eventstore.AppendListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells listeners about new events. Appends made through this store are announced at once;
 * appends by other processes are noticed by asking SQLite's {@code PRAGMA data_version} (a cheap
 * counter that changes when another connection commits) on a timer — a sleep between checks, not
 * a busy loop. The timer only runs while someone listens.
 */
final class ChangeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final Path file;
    private final Duration interval;
    private final LongSupplier lastPosition;
    private final AppendAnnouncer listeners = new AppendAnnouncer((listener, e) -> LOG.warn("an append listener failed", e));
    private ScheduledExecutorService timer;
    private Connection probe;
    private long dataVersion = -1;

    ChangeWatcher(Path file, Duration interval, LongSupplier lastPosition) {
        this.file = file;
        this.interval = interval;
        this.lastPosition = lastPosition;
    }

    synchronized AutoCloseable subscribe(AppendListener listener) {
        if (timer == null) {
            listeners.startAt(lastPosition.getAsLong());
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "eventscope-watch-" + file.getFileName());
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return listeners.add(listener);
    }

    /** Called by the store after its own commit. */
    void appendedHere(long fromPosition, long toPosition) {
        ScheduledExecutorService current;
        synchronized (this) {
            current = timer;
        }
        if (current != null) {
            current.execute(() -> listeners.announceThrough(toPosition));
        }
    }

    private void poll() {
        try {
            if (probe == null) {
                probe = SqliteConnections.openReader(file, true);
            }
            long version;
            try (Statement statement = probe.createStatement(); ResultSet row = statement.executeQuery("PRAGMA data_version")) {
                row.next();
                version = row.getLong(1);
            }
            if (version != dataVersion) {
                dataVersion = version;
                try (Statement statement = probe.createStatement();
                     ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM events")) {
                    row.next();
                    listeners.announceThrough(row.getLong(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not check {} for new events: {}", PrintableText.of(file), PrintableText.of(e.getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException e) {
                LOG.debug("closing the change probe failed", e);
            }
            probe = null;
        }
        listeners.clear();
    }
}
