package dev.eventscope.projection.sqlite;

import dev.eventscope.eventstore.sqlite.ReadOnlyAccess;
import dev.eventscope.eventstore.sqlite.WalCheckpointer;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionFailure;
import dev.eventscope.projection.ProjectionState;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.ReadModelStore;
import dev.eventscope.projection.ReadModelTables;
import dev.eventscope.projection.ReadModelTransaction;
import dev.eventscope.projection.TableDefinition;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Read models in SQLite tables: in the ledger file itself (tables {@code rm_*}, state in {@code projection_state}), or,
 * for a read-only ledger, in a cache file of their own. One writer connection (immediate transactions, busy timeout) and
 * one reader, so queries see the last committed read model while a batch is written; the WAL: {@link ReadModelCheckpoints}.
 */
public final class SqliteReadModelStore extends SqliteReadSide implements ReadModelStore {

    private static final int BUSY_TIMEOUT_MS = 15_000;
    private static final String SAVE_STATE = "INSERT OR REPLACE INTO projection_state VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final String eventsTable;
    /** A server ledger's cache: the events are not in reach, so the register joins {@code EventStampsProjection}'s rows. */
    private final boolean serverCache;
    private final Connection writer;
    private final Connection reader;
    private final SqliteLedgerQueries queries;
    /**
     * The writer's statements, prepared once: a catch-up reads and saves every state and inserts into the same tables in
     * every batch (a batch's pending rows are run or dropped before its transaction ends, {@link SqlTables#release}).
     */
    private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
    /** A cache file being built from nothing, written without a journal on disk until {@link #built}; else null. */
    private final FreshCacheBuild freshBuild;
    private final WalCheckpointer checkpoints;

    private SqliteReadModelStore(Path file, Path separateLedger, String serverLedgerId, FreshCacheBuild freshBuild) {
        this.file = file;
        this.eventsTable = separateLedger == null ? "main.events" : "ledger.events";
        this.serverCache = serverLedgerId != null;
        this.freshBuild = freshBuild;
        this.checkpoints = ReadModelCheckpoints.of(file);
        Connection openedWriter = null;
        Connection openedReader = null;
        try {
            openedWriter = connect(file, true, freshBuild == null);
            if (freshBuild != null) {
                freshBuild.configure(openedWriter);
            }
            if (serverCache) {
                ServerLedgerCache.recordIdentity(openedWriter, serverLedgerId);
            }
            try (Statement statement = openedWriter.createStatement()) {
                ReadModelCheckpoints.configureWriter(statement);
                statement.execute("CREATE TABLE IF NOT EXISTS projection_state (name TEXT PRIMARY KEY,"
                        + " version INTEGER NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL,"
                        + " position_hash TEXT NOT NULL, failure_position INTEGER, failure_type TEXT, failure_error TEXT,"
                        + " building_version INTEGER NOT NULL, building_generation INTEGER NOT NULL,"
                        + " building_position INTEGER NOT NULL, building_hash TEXT NOT NULL)");
            }
            openedReader = connect(file, false, false);
            if (separateLedger != null) {
                attachReadOnly(openedReader, separateLedger);
            }
        } catch (SQLException e) {
            CacheFiles.closeQuietly(openedReader, openedWriter); // so that a damaged cache can be moved aside
            throw new ReadModelException("Could not open the read models in " + file + ": " + e.getMessage(), e);
        }
        this.writer = openedWriter;
        this.reader = openedReader;
        this.queries = new SqliteLedgerQueries(this);
    }

    /** Read models kept in the ledger file (which must be writable). */
    public static SqliteReadModelStore inLedgerFile(Path ledgerFile) {
        return new SqliteReadModelStore(ledgerFile, null, null, null);
    }

    /**
     * Read models in a separate file, for a ledger that may not be written (auditor mode); the ledger is attached
     * read-only to the connection queries use, for the events' own columns (who, by which command, when) that register
     * lines show. A file built from nothing is written quickly until {@link #built} or the close, and thrown away by
     * the next open if neither came ({@link FreshCacheBuild}).
     */
    public static SqliteReadModelStore inSeparateFile(Path readModelFile, Path ledgerFile) {
        return CacheFiles.openOwn(readModelFile,
                () -> new SqliteReadModelStore(readModelFile, ledgerFile, null, FreshCacheBuild.prepare(readModelFile)));
    }

    /**
     * Read models of a ledger on a server, in this user's cache file for its ledger id ({@link
     * ServerLedgerCache#fileFor}); a file there that belongs to another ledger id is removed first, never used. Nothing
     * is written to the server: the events' own columns the register lines show are kept in the cache too (the caller
     * adds {@code EventStampsProjection}, see {@link #needsEventStamps()}).
     */
    public static SqliteReadModelStore forServerLedger(String ledgerId, String user) {
        return forServerLedger(ServerLedgerCache.fileFor(ledgerId, user), ledgerId);
    }

    /** As {@link #forServerLedger(String, String)}, in the given cache file (tests). */
    public static SqliteReadModelStore forServerLedger(Path cacheFile, String ledgerId) {
        ServerLedgerCache.claim(cacheFile, ledgerId);
        return new SqliteReadModelStore(cacheFile, null, ledgerId, null);
    }

    /** The cache file a server ledger's read models are kept in, for {@code user}. */
    public static Path cacheFileForServerLedger(String ledgerId, String user) {
        return ServerLedgerCache.fileFor(ledgerId, user);
    }

    @Override
    public boolean needsEventStamps() {
        return serverCache;
    }

    /**
     * The cache file for a read-only ledger: {@code $XDG_CACHE_HOME/eventscope/read-models/<hash of the ledger's
     * absolute path>.sqlite} ({@code ~/.cache} when XDG_CACHE_HOME is not set).
     */
    public static Path cacheFileFor(Path ledgerFile) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ledgerFile.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return cacheFolder().resolve(HexFormat.of().formatHex(digest, 0, 12) + ".sqlite");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** {@code $XDG_CACHE_HOME/eventscope/read-models} ({@code ~/.cache} when XDG_CACHE_HOME is not set). */
    static Path cacheFolder() {
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path base = cacheHome == null || cacheHome.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cacheHome);
        return base.resolve("eventscope").resolve("read-models");
    }

    private static Connection connect(Path file, boolean writing, boolean walAndSync) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.OPEN_URI); // so that the ledger can be attached read-only by URI
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setCacheSize(-64_000);
        // else sqlite-jdbc prepares "SELECT last_insert_rowid()" after every INSERT; nothing here reads generated keys
        config.setGetGeneratedKeys(false);
        if (writing && walAndSync) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        if (writing) {
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        }
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private PreparedStatement writerStatement(String sql) throws SQLException {
        return SqlTables.preparedOnce(writerStatements, writer, sql);
    }

    @Override
    Connection reader() {
        return reader;
    }

    @Override
    String eventsTable() {
        return eventsTable;
    }

    private static void attachReadOnly(Connection connection, Path ledgerFile) throws SQLException {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS ledger")) {
            attach.setString(1, ReadOnlyAccess.uri(ledgerFile));
            attach.execute();
        }
    }

    @Override
    public String location() {
        return file.toAbsolutePath().toString();
    }

    @Override
    public Optional<ProjectionState> state(String projection) {
        synchronized (reader) {
            try {
                return readState(reader, projection);
            } catch (SQLException e) {
                throw failure("read the state of projection '" + projection + "'", e);
            }
        }
    }

    @Override
    public synchronized void transaction(Consumer<ReadModelTransaction> work) {
        SqlTransaction transaction = new SqlTransaction();
        try {
            // explicit immediate transactions: a writer that waits for the lock waits here, not halfway through
            try (Statement begin = writer.createStatement()) {
                begin.execute("BEGIN IMMEDIATE");
            }
            work.accept(transaction);
            transaction.finish();
            try (Statement commit = writer.createStatement()) {
                commit.execute("COMMIT");
            }
            checkpoints.committed();
        } catch (SQLException e) {
            rollback();
            throw failure("write the read models", e);
        } catch (RuntimeException | Error failed) {
            rollback();
            throw failed;
        } finally {
            transaction.release();
        }
    }

    private void rollback() {
        try (Statement rollback = writer.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is gone either way; the original error is what the user must see
        }
    }

    private ReadModelException failure(String what, SQLException e) {
        return CacheFiles.failure("Could not " + what + " in " + file, e, serverCache || eventsTable.startsWith("ledger."));
    }

    @Override
    public LedgerQueries ledgerQueries() {
        return queries;
    }

    @Override
    public synchronized void built() {
        if (freshBuild != null) {
            freshBuild.finish(writer);
        }
    }

    @Override
    public synchronized void close() {
        try {
            built();
            checkpoints.close();
            writer.close();
            synchronized (reader) {
                reader.close();
            }
        } catch (SQLException e) {
            throw failure("close the read models", e);
        }
    }

    @Override
    List<String> physicalTables(String projection, int generation) {
        synchronized (reader) {
            try {
                return physicalTables(reader, projection, generation);
            } catch (SQLException e) {
                throw failure("list the tables of projection '" + projection + "'", e);
            }
        }
    }

    private final class SqlTransaction implements ReadModelTransaction {
        private final List<SqlTables> opened = new ArrayList<>();

        @Override
        public void createTables(Projection projection, int generation) {
            try (Statement statement = writer.createStatement()) {
                for (TableDefinition table : projection.tables()) {
                    String name = SqlTables.physicalName(projection.name(), table.name(), generation);
                    String columns = table.columns().stream()
                            .map(column -> column.name() + " " + SqlValues.sqlType(column.type()))
                            .collect(Collectors.joining(", "));
                    statement.execute("CREATE TABLE IF NOT EXISTS " + name + " (" + columns + ", PRIMARY KEY ("
                            + String.join(", ", table.primaryKey()) + "))"
                            + (table.primaryKey().size() == 1 && isInteger(table, table.primaryKey().get(0)) ? "" : " WITHOUT ROWID"));
                }
            } catch (SQLException e) {
                throw failure("create the tables of projection '" + projection.name() + "'", e);
            }
        }

        @Override
        public void createIndexes(Projection projection, int generation) {
            try (Statement statement = writer.createStatement()) {
                for (TableDefinition table : projection.tables()) {
                    String name = SqlTables.physicalName(projection.name(), table.name(), generation);
                    int index = 0;
                    for (List<String> indexColumns : table.indexes()) {
                        statement.execute("CREATE INDEX IF NOT EXISTS " + name + "_i" + (++index) + " ON " + name
                                + " (" + String.join(", ", indexColumns) + ")");
                    }
                }
            } catch (SQLException e) {
                throw failure("index the tables of projection '" + projection.name() + "'", e);
            }
        }

        private static boolean isInteger(TableDefinition table, String column) {
            return table.columns().get(table.columnIndex(column)).type() == TableDefinition.ColumnType.INTEGER;
        }

        /**
         * Drops every table of the generation the file holds, also those an earlier version of the projection had and
         * this one no longer defines (the journal's postings before version 2).
         */
        @Override
        public void dropTables(Projection projection, int generation) {
            try (Statement statement = writer.createStatement()) {
                List<String> names = new ArrayList<>();
                for (TableDefinition table : projection.tables()) {
                    names.add(SqlTables.physicalName(projection.name(), table.name(), generation));
                }
                for (String name : physicalTables(writer, projection.name(), generation)) {
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
                for (String name : names) {
                    statement.execute("DROP TABLE IF EXISTS " + name);
                }
            } catch (SQLException e) {
                throw failure("drop the old tables of projection '" + projection.name() + "'", e);
            }
        }

        @Override
        public ReadModelTables tables(Projection projection, int generation) {
            boolean building = state(projection.name())
                    .map(state -> state.building() && state.buildingGeneration() == generation).orElse(false);
            return SqlTables.openedOrNew(opened, writer, writerStatements, projection, generation, building);
        }

        @Override
        public void saveState(ProjectionState state) {
            flushAll();
            try {
                PreparedStatement upsert = writerStatement(SAVE_STATE);
                upsert.setString(1, state.name());
                upsert.setInt(2, state.version());
                upsert.setInt(3, state.generation());
                upsert.setLong(4, state.position());
                upsert.setString(5, state.positionHash());
                Optional<ProjectionFailure> failure = state.failure();
                SqlValues.bind(upsert, 6, failure.map(ProjectionFailure::position).orElse(null));
                SqlValues.bind(upsert, 7, failure.map(ProjectionFailure::eventType).orElse(null));
                SqlValues.bind(upsert, 8, failure.map(ProjectionFailure::error).orElse(null));
                upsert.setInt(9, state.buildingVersion());
                upsert.setInt(10, state.buildingGeneration());
                upsert.setLong(11, state.buildingPosition());
                upsert.setString(12, state.buildingHash());
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw failure("save the checkpoint of projection '" + state.name() + "'", e);
            }
        }

        @Override
        public Optional<ProjectionState> state(String projection) {
            flushAll();
            try {
                return readState(writerStatement(SELECT_STATE), projection);
            } catch (SQLException e) {
                throw failure("read the state of projection '" + projection + "'", e);
            }
        }

        private void flushAll() {
            for (SqlTables tables : opened) {
                tables.flush();
            }
        }

        void finish() {
            flushAll();
        }

        void release() {
            for (SqlTables tables : opened) {
                tables.release();
            }
        }
    }
}
