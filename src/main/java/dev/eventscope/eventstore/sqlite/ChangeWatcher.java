package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong announcedThrough = new AtomicLong(-1);
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
            announcedThrough.compareAndSet(-1, lastPosition.getAsLong());
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "eventscope-watch-" + file.getFileName());
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called by the store after its own commit. */
    void appendedHere(long fromPosition, long toPosition) {
        ScheduledExecutorService current;
        synchronized (this) {
            current = timer;
        }
        if (current != null) {
            current.execute(() -> announceThrough(toPosition));
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
                    announceThrough(row.getLong(1));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not check {} for new events: {}", file, e.getMessage());
        }
    }

    /** Runs on the timer thread only, so listeners see ranges in order and never twice. */
    private void announceThrough(long toPosition) {
        long from = announcedThrough.get();
        if (toPosition <= from) {
            return;
        }
        announcedThrough.set(toPosition);
        for (AppendListener listener : listeners) {
            try {
                listener.eventsAppended(from + 1, toPosition);
            } catch (RuntimeException e) {
                LOG.warn("an append listener failed", e);
            }
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
