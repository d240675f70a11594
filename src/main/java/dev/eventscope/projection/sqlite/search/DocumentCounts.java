package dev.eventscope.projection.sqlite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many documents each query phrase occurs in, the figure bm25 needs, kept in the index so that no search counts it
 * over the whole index (for a word in every posting that was one pass over its list, 25–35 ms, at every first ask and in
 * every fresh {@code eventscope search} process):
 * <ul>
 *   <li>{@code search_token_rows}: per token, its number of documents, kept with every batch the projection adds (so it
 *       is rebuilt with the index) and filled once from FTS5's own vocabulary for an index made before it;</li>
 *   <li>{@code search_unplain}: the documents added since whose text is not plain ASCII; {@link Fts5Tokens} might
 *       tokenise them unlike FTS5, so they are left out of the token counts and counted by FTS5 at search (none in most
 *       ledgers);</li>
 *   <li>{@code search_phrase_rows}: a phrase of several tokens or a prefix of several terms, counted by FTS5 at its first
 *       ask and kept with the checkpoint it was counted up to; a later ask, in any process, counts only the documents added
 *       since (documents are only ever appended; a rebuild clears the table).</li>
 * </ul>
 */
final class DocumentCounts {

    static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS search_token_rows(token TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS search_unplain(position INTEGER PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS search_phrase_rows(phrase TEXT PRIMARY KEY, checkpoint INTEGER NOT NULL, rows INTEGER NOT NULL) WITHOUT ROWID",
    };
    static final String[] TABLES = {"search_token_rows", "search_unplain", "search_phrase_rows"};
    /** In search_state once search_token_rows counts every document but those in search_unplain. */
    private static final String KEPT = "token_rows_kept";
    /** Beyond this many documents that are not plain, a token is counted by FTS5 over the whole index instead. */
    private static final int FEW_UNPLAIN = 5_000;

    private final Connection connection;

    DocumentCounts(Connection connection) {
        this.connection = connection;
    }

    /**
     * Creates the tables and, for an index made before them, fills the token counts from FTS5's vocabulary (about 1 s CPU per
     * million documents); in the caller's transaction.
     */
    void open() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            try (ResultSet kept = statement.executeQuery("SELECT 1 FROM search_state WHERE key = '" + KEPT + "'")) {
                if (kept.next()) {
                    return;
                }
            }
            statement.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_text, row)");
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
            statement.execute("INSERT INTO search_token_rows SELECT term, doc FROM temp.search_vocab");
            statement.execute("INSERT OR REPLACE INTO search_state VALUES ('" + KEPT + "', '1')");
            statement.execute("DROP TABLE temp.search_vocab");
        }
    }

    /** Empties the counts with the index (an empty index's counts are kept: none). */
    void clear() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
            statement.execute("INSERT OR REPLACE INTO search_state VALUES ('" + KEPT + "', '1')");
        }
    }

    /** Counts a batch's documents into the token counts, in the caller's transaction; {@link #flush} writes them. */
    final class Batch implements AutoCloseable {
        private final Map<String, Integer> rows = new HashMap<>();
        private final PreparedStatement add = connection.prepareStatement("INSERT INTO search_token_rows VALUES (?, ?)"
                + " ON CONFLICT(token) DO UPDATE SET rows = rows + excluded.rows");
        private final PreparedStatement unplain = connection.prepareStatement("INSERT OR IGNORE INTO search_unplain VALUES (?)");

        Batch() throws SQLException {
        }

        void add(long position, String text) throws SQLException {
            if (!plain(text)) {
                unplain.setLong(1, position);
                unplain.addBatch();
                return;
            }
            for (String token : new HashSet<>(Fts5Tokens.of(text))) {
                rows.merge(token, 1, Integer::sum);
            }
        }

        void flush() throws SQLException {
            for (Map.Entry<String, Integer> token : rows.entrySet()) {
                add.setString(1, token.getKey());
                add.setInt(2, token.getValue());
                add.addBatch();
            }
            add.executeBatch();
            unplain.executeBatch();
            rows.clear();
        }

        @Override
        public void close() throws SQLException {
            add.close();
            unplain.close();
        }
    }

    /** Whether FTS5 and {@link Fts5Tokens} surely make the same tokens of the text: only ASCII in it. */
    static boolean plain(String text) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of documents up to {@code checkpoint} that {@code phrase} (an FTS5 phrase expression) occurs in;
     * {@code token}: the one token the phrase matches exactly (a plain word, or a prefix beginning one term), else null.
     */
    long rows(String phrase, String token, long checkpoint) throws SQLException {
        long unplain = token == null || !plain(token) ? Long.MAX_VALUE : unplain();
        if (unplain <= FEW_UNPLAIN) {
            long rows;
            try (PreparedStatement select = connection.prepareStatement("SELECT rows FROM search_token_rows WHERE token = ?")) {
                select.setString(1, token);
                try (ResultSet row = select.executeQuery()) {
                    rows = row.next() ? row.getLong(1) : 0;
                }
            }
            return rows + (unplain == 0 ? 0 : count(phrase, " AND rowid IN (SELECT position FROM search_unplain)", -1, checkpoint));
        }
        long[] kept = {0, 0};
        try (PreparedStatement select = connection.prepareStatement("SELECT checkpoint, rows FROM search_phrase_rows WHERE phrase = ?")) {
            select.setString(1, phrase);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getLong(1) <= checkpoint) {
                    kept = new long[] {row.getLong(1), row.getLong(2)};
                }
            }
        }
        if (kept[0] == checkpoint) {
            return kept[1];
        }
        long rows = kept[1] + count(phrase, "", kept[0], checkpoint);
        keep(phrase, checkpoint, rows);
        return rows;
    }

    private long unplain() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM search_unplain LIMIT " + (FEW_UNPLAIN + 1) + ")")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private long count(String phrase, String among, long after, long upTo) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM search_text WHERE search_text MATCH ? AND rowid > ? AND rowid <= ?" + among)) {
            count.setString(1, phrase);
            count.setLong(2, after);
            count.setLong(3, upTo);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Keeps a phrase's count; a write refused (the file locked by a catch-up elsewhere) only leaves it to be counted again. */
    private void keep(String phrase, long checkpoint, long rows) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO search_phrase_rows VALUES (?, ?, ?)")) {
            insert.setString(1, phrase);
            insert.setLong(2, checkpoint);
            insert.setLong(3, rows);
            insert.executeUpdate();
        } catch (SQLException refused) {
            // the count returned is right; it is only not kept
        }
    }
}
