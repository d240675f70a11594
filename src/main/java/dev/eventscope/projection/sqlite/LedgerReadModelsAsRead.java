package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionState;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelTransaction;
import dev.eventscope.projection.TableDefinition;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The read models the desktop app keeps inside a ledger file, opened only to be read (session 24): the command line's
 * questions read them instead of building a copy in the user's cache. One read-only connection ({@code mode=ro}) in one
 * read transaction: the read models and the ledger's events (the register lines' who and when, the last position) are
 * read at the same snapshot of the file, whatever the app or another writer commits meanwhile; {@link #renewSnapshot}
 * lets it go. Never written ({@link #transaction} refuses). Whether they are current is {@code
 * Projections.current()}'s question, asked by the caller before it trusts them.
 *
 * <p>Only a ledger file this user could open in the app for writing is read this way ({@link #open}): the app trusts
 * the read models in a ledger it writes, so the command line trusts them as far as the app does (checkpoint hash,
 * version, position; {@code verify} compares their register with the events). A ledger file this user may not write
 * (an auditor's view of someone else's ledger) keeps its read models in the user's cache, built from the events as
 * before.
 */
public final class LedgerReadModelsAsRead extends SqliteReadSide implements ReadModelStore {

    private static final int BUSY_TIMEOUT_MS = 15_000;

    private final Path ledger;
    private final Connection reader;
    private final SqliteLedgerQueries queries;
    /** Where the read models are kept once {@link #turnToCache} ran (the user's cache for this ledger); else null. */
    private volatile SqliteReadModelStore cache;

    private LedgerReadModelsAsRead(Path ledger, Connection reader) {
        this.ledger = ledger;
        this.reader = reader;
        this.queries = new SqliteLedgerQueries(this);
    }

    /**
     * Found behind the ledger at its newest snapshot: closes the read-only connection and opens the user's cache for
     * this ledger ({@link SqliteReadModelStore#inSeparateFile}), which every call goes to from now on; the queries
     * handed out already read it too.
     */
    @Override
    public synchronized boolean turnToCache() {
        if (cache == null) {
            cache = SqliteReadModelStore.inSeparateFile(SqliteReadModelStore.cacheFileFor(ledger), ledger);
            synchronized (reader) {
                CacheFiles.closeQuietly(reader);
            }
        }
        return true;
    }

    /**
     * The read models in {@code ledgerFile}, opened read-only, when it is a plain file of this user's that they may
     * write, in a folder they may write (so that the read-only connection joins the file's WAL with its locks, never
     * reading it as immutable), and it holds read models at all; empty otherwise, and when the file cannot be read
     * (the caller then keeps them in the cache as before).
     */
    public static Optional<LedgerReadModelsAsRead> open(Path ledgerFile) {
        Path absolute = ledgerFile.toAbsolutePath().normalize();
        if (!ownWritableFile(absolute)) {
            return Optional.empty();
        }
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setCacheSize(-64_000);
            String uri = absolute.toUri().toString().replace("file:///", "file:/") + "?mode=ro";
            connection = config.createConnection("jdbc:sqlite:" + uri);
            // one read transaction from the first read on: every query sees the same snapshot of the file
            connection.setAutoCommit(false);
            if (!holdsReadModels(connection)) {
                CacheFiles.closeQuietly(connection);
                return Optional.empty();
            }
            return Optional.of(new LedgerReadModelsAsRead(absolute, connection));
        } catch (SQLException unreadable) {
            CacheFiles.closeQuietly(connection);
            return Optional.empty();
        }
    }

    private static boolean ownWritableFile(Path file) {
        Path folder = file.getParent();
        if (folder == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(file)
                || !Files.isWritable(folder)) {
            return false;
        }
        try {
            // the owner's write bit too: the superuser may write any file, but a ledger made read-only is an auditor's copy
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                    && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException unknown) {
            return false;
        }
    }

    private static boolean holdsReadModels(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('projection_state', 'events')");
             ResultSet rows = query.executeQuery()) {
            int tables = 0;
            while (rows.next()) {
                tables++;
            }
            return tables == 2;
        }
    }

    @Override
    Connection reader() {
        SqliteReadModelStore turned = cache;
        return turned == null ? reader : turned.reader();
    }

    @Override
    String eventsTable() {
        SqliteReadModelStore turned = cache;
        return turned == null ? "main.events" : turned.eventsTable();
    }

    @Override
    public Optional<ProjectionState> state(String projection) {
        SqliteReadModelStore turned = cache;
        if (turned != null) {
            return turned.state(projection);
        }
        synchronized (reader) {
            try {
                return readState(reader, projection);
            } catch (SQLException e) {
                throw failure("read the state of projection '" + projection + "'", e);
            }
        }
    }

    @Override
    List<String> physicalTables(String projection, int generation) {
        SqliteReadModelStore turned = cache;
        if (turned != null) {
            return turned.physicalTables(projection, generation);
        }
        synchronized (reader) {
            try {
                return physicalTables(reader, projection, generation);
            } catch (SQLException e) {
                throw failure("list the tables of projection '" + projection + "'", e);
            }
        }
    }

    @Override
    public boolean holdsTables(Projection projection, int generation) {
        List<String> present = physicalTables(projection.name(), generation);
        for (TableDefinition table : projection.tables()) {
            if (!present.contains(SqlTables.physicalName(projection.name(), table.name(), generation))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean writable() {
        return cache != null;
    }

    @Override
    public OptionalLong snapshotLastPosition() {
        if (cache != null) {
            return OptionalLong.empty();
        }
        synchronized (reader) {
            try (PreparedStatement query = reader.prepareStatement("SELECT coalesce(max(position), 0) FROM main.events");
                 ResultSet rows = query.executeQuery()) {
                return OptionalLong.of(rows.next() ? rows.getLong(1) : 0);
            } catch (SQLException e) {
                throw failure("read the ledger's last position", e);
            }
        }
    }

    @Override
    public void renewSnapshot() {
        if (cache != null) {
            return;
        }
        synchronized (reader) {
            try {
                reader.rollback(); // nothing was written; the next read starts a new snapshot
            } catch (SQLException e) {
                throw failure("read the ledger again", e);
            }
        }
    }

    @Override
    public boolean needsEventStamps() {
        return false;
    }

    @Override
    public void transaction(Consumer<ReadModelTransaction> work) {
        SqliteReadModelStore turned = cache;
        if (turned != null) {
            turned.transaction(work);
            return;
        }
        throw new ReadModelException("The read models in " + ledger + " were opened only to be read; nothing is written"
                + " to them here.");
    }

    @Override
    public LedgerQueries ledgerQueries() {
        return queries;
    }

    @Override
    public void built() {
        SqliteReadModelStore turned = cache;
        if (turned != null) {
            turned.built();
        }
    }

    @Override
    public String location() {
        SqliteReadModelStore turned = cache;
        return turned == null ? ledger.toString() : turned.location();
    }

    @Override
    public synchronized void close() {
        if (cache != null) {
            cache.close();
            return;
        }
        synchronized (reader) {
            try {
                reader.rollback();
                reader.close();
            } catch (SQLException e) {
                throw failure("close the read models", e);
            }
        }
    }

    private ReadModelException failure(String what, SQLException e) {
        return new ReadModelException("Could not " + what + " in " + ledger + ": " + e.getMessage(), e);
    }
}
