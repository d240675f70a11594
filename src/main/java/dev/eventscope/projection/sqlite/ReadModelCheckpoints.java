package dev.eventscope.projection.sqlite;

import dev.eventscope.eventstore.sqlite.WalCheckpointer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the read models' WAL is checkpointed: on a thread of its own each time it has grown by {@link #EVERY_BYTES}
 * ({@link WalCheckpointer}, the event store's rule on the read models' threshold), so that the committing writer does
 * not wait for it. Done by the writer (SQLite's automatic checkpoint at every ~40 MB) the first open of a 989,700-event
 * ledger ended with one checkpoint of ~130 MB inside its last commit: the WAL fsynced, its pages copied into the ledger
 * file, the file fsynced, ~0.8 s on one core after every read model was written (docs/cli-speed.md, session 23 (lead)).
 *
 * <p>What survives a crash does not change: a committed transaction is in the WAL, checkpointed or not, and a
 * {@code PASSIVE} checkpoint takes no lock the writer or a reader needs. The writer's own automatic checkpoint stays, at
 * {@link #WRITER_BOUND_PAGES}, as the bound of the WAL's growth should these checkpoints fall behind.
 */
final class ReadModelCheckpoints {

    static final long EVERY_BYTES = 40L << 20;
    /** The writer's {@code wal_autocheckpoint} in pages: ~400 MB of 4 KB pages, as the event store's writer. */
    static final int WRITER_BOUND_PAGES = 100_000;

    private ReadModelCheckpoints() {
    }

    /** The checkpoints of the read models in {@code file}: {@link WalCheckpointer#committed} after each commit. */
    static WalCheckpointer of(Path file) {
        return WalCheckpointer.every(file, EVERY_BYTES, "eventscope-read-model-checkpoint");
    }

    /**
     * The writer connection's settings: its own automatic checkpoint only as the bound (these checkpoints come first),
     * and a second core for SQLite's sorts (building an index sorts every row of its table).
     */
    static void configureWriter(Statement statement) throws SQLException {
        statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_BOUND_PAGES);
        statement.execute("PRAGMA threads = 2");
    }
}
