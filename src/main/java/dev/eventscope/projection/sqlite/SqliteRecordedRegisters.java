package dev.eventscope.projection.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.sqlite.ReadOnlyAccess;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.RecordedRegister;
import dev.eventscope.projection.RegisterBlob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The balances registers kept for a SQLite ledger file: the read models in the file itself and those in this user's
 * cache for it ({@link SqliteReadModelStore#cacheFileFor}), each opened read-only, for {@code verify} (session 19). A
 * read model of another version of the projection is left out: it is rebuilt before anything is shown from it.
 */
public final class SqliteRecordedRegisters {

    private static final int CURRENT_VERSION = new BalancesProjection(1).version();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteRecordedRegisters.class);

    private SqliteRecordedRegisters() {
    }

    /** The registers kept for {@code ledgerFile}, in the file first; none when it keeps no read models. */
    public static List<RecordedRegister> of(Path ledgerFile) {
        List<RecordedRegister> registers = new ArrayList<>();
        try {
            open(ReadOnlyAccess.uri(ledgerFile), ledgerFile.toString()).ifPresent(registers::add);
            registers.addAll(ofCache(SqliteReadModelStore.cacheFileFor(ledgerFile)));
            return registers;
        } catch (RuntimeException failed) {
            registers.forEach(RecordedRegister::close);
            throw failed;
        }
    }

    /**
     * The register in a cache file of read models ({@code cacheFile}: a read-only ledger file's, or a server ledger's
     * for its ledger id and this user); none when there is no such file or it keeps no balances register. A cache of
     * another ledger is left out by the check itself (its checkpoint is not this ledger's event).
     */
    public static List<RecordedRegister> ofCache(Path cacheFile) {
        if (!Files.isRegularFile(cacheFile)) {
            return List.of();
        }
        try {
            // session 20 (adversary): a link or a ledger under the cache's name is not this ledger's cache, and a cache
            // SQLite cannot read at all made verify fail without a verdict on the ledger; each is left out, and said
            CacheFiles.requireOwn(cacheFile);
            Optional<String> notACache = CacheFiles.notACache(cacheFile); // session 24: another program's database
            if (notACache.isPresent()) {
                LOG.warn("The read-model cache {} is not a read-model cache of Eventscope ({}): the read models there were not"
                        + " compared with the events; the next command that reads it moves it aside and builds it again.",
                        PrintableText.of(cacheFile), notACache.get());
                return List.of();
            }
            return open(cacheFile.toAbsolutePath().toUri().toString().replace("file:///", "file:/") + "?mode=ro",
                    cacheFile.toString()).map(List::of).orElse(List.of());
        } catch (ReadModelException notOurs) {
            if (notOurs.getCause() != null && !CacheFiles.unreadable(notOurs)) {
                throw notOurs;
            }
            LOG.warn("{} The read models there were not compared with the events.", PrintableText.of(notOurs.getCause() == null
                    ? notOurs.getMessage() : "The read-model cache " + cacheFile + " cannot be read (" + notOurs.getCause().getMessage()
                    + "); the next command that reads it moves it aside and builds it again."));
            return List.of();
        }
    }

    private static Optional<RecordedRegister> open(String uri, String location) {
        Connection connection = null;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            config.setReadOnly(true);
            config.setBusyTimeout(15_000);
            connection = config.createConnection("jdbc:sqlite:" + uri);
            // the state and the lines from one read transaction: a catch-up committing meanwhile is not seen
            connection.setAutoCommit(false);
            Optional<RecordedRegister> register = register(connection, location);
            if (register.isEmpty()) {
                connection.close();
            }
            return register;
        } catch (SQLException e) {
            close(connection);
            throw new ReadModelException("Could not read the read models in " + location + " to compare them with the"
                    + " events: " + e.getMessage(), e);
        }
    }

    private static Optional<RecordedRegister> register(Connection connection, String location) throws SQLException {
        try (PreparedStatement tables = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_state'");
             ResultSet table = tables.executeQuery()) {
            if (!table.next()) {
                return Optional.empty();
            }
        }
        long generation;
        long position;
        String positionHash;
        try (PreparedStatement state = connection.prepareStatement(
                "SELECT version, generation, position, position_hash FROM projection_state WHERE name = ?")) {
            state.setString(1, BalancesProjection.NAME);
            try (ResultSet row = state.executeQuery()) {
                if (!row.next() || row.getInt(1) != CURRENT_VERSION || row.getLong(3) <= 0) {
                    return Optional.empty();
                }
                generation = row.getLong(2);
                position = row.getLong(3);
                positionHash = row.getString(4);
            }
        }
        String runs = SqlTables.physicalName(BalancesProjection.NAME, BalancesProjection.REGISTER_RUNS, (int) generation);
        String blocks = SqlTables.physicalName(BalancesProjection.NAME, BalancesProjection.REGISTER_BLOCKS, (int) generation);
        for (String table : List.of(runs, blocks)) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                exists.setString(1, table);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        return Optional.of(new Missing(connection, location, position, positionHash, table));
                    }
                }
            }
        }
        PreparedStatement lines = connection.prepareStatement("SELECT lines FROM " + runs
                + " WHERE first_position <= ? ORDER BY first_position");
        lines.setLong(1, position);
        return Optional.of(new Register(connection, lines, lines.executeQuery(), location, position, positionHash,
                new RegisterBlocksCheck(connection, blocks, position)));
    }

    private static void close(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // a read-only connection: nothing is lost
            }
        }
    }

    /** A read model whose state names a register table that is not there. */
    private record Missing(Connection connection, String location, long position, String positionHash, String table)
            implements RecordedRegister {

        @Override
        public Optional<String> unreadable() {
            return Optional.of("their register table " + table + ", which their checkpoint at position " + position
                    + " names, is gone");
        }

        @Override
        public Optional<Line> next() {
            return Optional.empty();
        }

        @Override
        public void close() {
            SqliteRecordedRegisters.close(connection);
        }
    }

    /** The lines of the register's runs, one blob at a time, and its blocks compared with them at the end. */
    private static final class Register implements RecordedRegister {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final String location;
        private final long position;
        private final String positionHash;
        private final RegisterBlocksCheck blocks;
        private RegisterBlob.Lines lines;
        private String damaged;

        Register(Connection connection, PreparedStatement statement, ResultSet rows, String location, long position,
                 String positionHash, RegisterBlocksCheck blocks) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.location = location;
            this.position = position;
            this.positionHash = positionHash;
            this.blocks = blocks;
        }

        @Override
        public String location() {
            return location;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public String positionHash() {
            return positionHash;
        }

        @Override
        public Optional<Line> next() {
            if (damaged != null) {
                return Optional.empty();
            }
            try {
                while (true) {
                    if (lines != null && lines.next()) {
                        if (lines.position() > position) {
                            continue;
                        }
                        Line line = lines.line();
                        blocks.add(line);
                        return Optional.of(line);
                    }
                    if (!rows.next()) {
                        damaged = blocks.differences().orElse(null);
                        return Optional.empty();
                    }
                    lines = RegisterBlob.Lines.ofRun(rows.getBytes(1));
                }
            } catch (ReadModelException unreadable) {
                damaged = "their register's lines cannot be read (" + unreadable.getMessage() + ")";
                return Optional.empty();
            } catch (SQLException e) {
                throw new ReadModelException("Could not read the register lines in " + location + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<String> damaged() {
            return Optional.ofNullable(damaged);
        }

        @Override
        public void close() {
            SqliteRecordedRegisters.close(rows);
            SqliteRecordedRegisters.close(statement);
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // ending a read: nothing to undo
            }
            SqliteRecordedRegisters.close(connection);
        }
    }
}
