package dev.eventscope.projection.sqlite;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.projection.ReadModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The local cache file that holds the read models of a ledger on a server, one per user and ledger id,
 * so that reading a server ledger never writes to the server. The file records the ledger id it belongs
 * to; a file that records another id (or none) is never used: it is removed and built anew.
 */
final class ServerLedgerCache {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLedgerCache.class);
    private static final String IDENTITY_TABLE = "cache_identity";

    private ServerLedgerCache() {
    }

    /**
     * {@code $XDG_CACHE_HOME/eventscope/read-models/server-<hash of ledger id and user>.sqlite}
     * ({@code ~/.cache} when XDG_CACHE_HOME is not set).
     */
    static Path fileFor(String ledgerId, String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ledgerId + "\u0000" + user).getBytes(StandardCharsets.UTF_8));
            return SqliteReadModelStore.cacheFolder().resolve("server-" + HexFormat.of().formatHex(digest, 0, 12) + ".sqlite");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** Makes sure {@code file} is absent or belongs to {@code ledgerId}: a file of another ledger is removed. */
    static void claim(Path file, String ledgerId) {
        CacheFiles.requireOwn(file); // session 20 (adversary): never a link, a ledger or a file of several names
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                return;
            }
            Optional<String> recorded = recordedLedgerId(file);
            if (recorded.isPresent() && recorded.get().equals(ledgerId)) {
                return;
            }
            LOG.warn("The read-model cache {} belongs to {}, not to the ledger {}; it is removed and built anew.", PrintableText.of(file),
                    recorded.map(id -> "the ledger " + id).orElse("no known ledger"), ledgerId);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException | SQLException e) {
            throw new ReadModelException("Could not prepare the read-model cache " + file + " of the ledger " + ledgerId
                    + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> recordedLedgerId(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                     + IDENTITY_TABLE + "'")) {
            if (!tables.next() || tables.getInt(1) == 0) {
                return Optional.empty();
            }
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT value FROM " + IDENTITY_TABLE + " WHERE key = 'ledger_id'")) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException notADatabase) {
            // a damaged or foreign file is a cache of no known ledger: it is replaced
            if (notADatabase.getMessage() != null && notADatabase.getMessage().contains("SQLITE_NOTADB")) {
                return Optional.empty();
            }
            throw notADatabase;
        }
    }

    /** Records the ledger id in a new cache (on the store's writer connection, before anything else is written). */
    static void recordIdentity(Connection writer, String ledgerId) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + IDENTITY_TABLE + " (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT OR IGNORE INTO " + IDENTITY_TABLE + " (key, value) VALUES ('ledger_id', ?)")) {
            insert.setString(1, ledgerId);
            insert.executeUpdate();
        }
    }
}
