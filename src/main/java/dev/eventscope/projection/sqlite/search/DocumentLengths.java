package dev.eventscope.projection.sqlite.search;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * FTS5's token count of every document (its {@code search_text_docsize} row), by position, in memory: four bytes per event.
 * bm25 of a word that occurs once in each of its matches falls with the length alone, so the best page of a long prefix of very
 * many terms ({@code B001*}: 100,000 entry ids, each in one document) is its shortest matches; FTS5 looks up every match's
 * length one by one (about 1 µs each) to score them all, here they are read from an array.
 * <p>
 * Loaded when a long-running user of the index asks it to warm up ({@link #start}; the app's Search tab does, a one-shot
 * command never: loading them costs about a second of CPU for a million documents, which a command would pay and not use),
 * off the caller's thread, by a connection of its own (a read; the index is in WAL mode, so
 * it does not wait for a catch-up writing beside it); until then {@link #of} answers null and the caller ranks another way.
 * Documents added later are read on demand, by position after the last one known (positions only grow; a cleared index
 * starts again from none).
 */
final class DocumentLengths implements AutoCloseable {

    /** The lengths by position of the documents up to position {@code upTo}. */
    private record Loaded(int[] lengths, long upTo) {
    }

    private final Thread loader;
    private volatile Loaded loaded;
    private volatile boolean closed;
    private boolean started;
    /** How many times the index was cleared: a load begun before the last time is not kept. */
    private int generation;

    private DocumentLengths(Path file) {
        loader = new Thread(() -> load(file), "search-index-warm-up");
        loader.setDaemon(true);
    }

    /** The lengths of the index file's documents, not loaded until {@link #start}. */
    static DocumentLengths of(Path file) {
        return new DocumentLengths(file);
    }

    /** Starts loading the lengths, once (later calls do nothing). */
    synchronized void start() {
        if (!started && !closed) {
            started = true;
            loader.start();
        }
    }

    private void load(Path file) {
        int started;
        synchronized (this) {
            started = generation;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Loaded read = extended(new Loaded(new int[0], 0), connection);
            synchronized (this) {
                if (generation == started && loaded == null) {
                    loaded = read;
                }
            }
        } catch (SQLException | RuntimeException failed) {
            // left unloaded: the ranking that needs the lengths is left to FTS5, which is slower but exact
        }
    }

    /** Starts loading the lengths and waits until they are loaded (or failed to load); for tests, which need a route that does not depend on timing. */
    void awaitLoaded() throws InterruptedException {
        start();
        loader.join();
    }

    /** The index was cleared: no document is known, and a load still running is not kept. */
    synchronized void forget() {
        generation++;
        loaded = new Loaded(new int[0], 0);
    }

    /** Whether the lengths are loaded (else {@link #of} answers null). */
    boolean ready() {
        return loaded != null;
    }

    /**
     * The FTS5 lengths of the documents at {@code positions}, in order, reading the documents added since with
     * {@code connection}; null while they are still loading.
     */
    int[] of(long[] positions, Connection connection) throws SQLException {
        Loaded now = loaded;
        if (now == null) {
            return null;
        }
        long highest = Arrays.stream(positions).max().orElse(0);
        if (highest > now.upTo()) {
            synchronized (this) {
                now = extended(loaded, connection);
                loaded = now;
            }
        }
        int[] lengths = new int[positions.length];
        for (int index = 0; index < positions.length; index++) {
            lengths[index] = now.lengths()[(int) positions[index]];
        }
        return lengths;
    }

    /** {@code known} with the lengths of the documents after its last position. */
    private Loaded extended(Loaded known, Connection connection) throws SQLException {
        int[] lengths = known.lengths();
        long upTo = known.upTo();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, sz FROM search_text_docsize WHERE id > ? ORDER BY id")) {
            select.setLong(1, known.upTo());
            try (ResultSet rows = select.executeQuery()) {
                int[] at = new int[1];
                while (rows.next() && !closed) {
                    long position = rows.getLong(1);
                    if (position >= lengths.length) {
                        lengths = Arrays.copyOf(lengths, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(position + 1, lengths.length * 3L / 2 + 1024)));
                    }
                    at[0] = 0;
                    lengths[(int) position] = (int) Documents.varint(rows.getBytes(2), at);
                    upTo = position;
                }
            }
        }
        return new Loaded(lengths, upTo);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            loader.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
