package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.IndexingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Every document's {@link DocumentBounds} kept in its {@code search_docs} row and in every filter's index after the filter's
 * columns and the position, so the passing walk reads the documents passing a filter with their bounds from the filter's index
 * alone (about 200 pages for 12,000 documents) instead of joining each to {@code search_bound} and seeking its repeats
 * (16,000 pages: benchmarks-search.md, sessions 14 and 15). An index made before the columns is upgraded in place when opened,
 * in one transaction: the columns added, filled from the text FTS5 keeps, and the filters' indexes made again.
 */
final class DocumentBoundsColumns {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentBoundsColumns.class);

    /** In search_state: the version of the bound columns once every document has them (an older index has none). */
    static final String KEPT = "document_bounds";
    static final String VERSION = "1";

    /** Each filter's index: its name and the filter's columns, then the position and the bounds. */
    private static final String[][] FILTER_INDEXES = {
        {"search_by_type", "type"}, {"search_by_user", "user"}, {"search_by_command", "command"}, {"search_by_category", "category"},
        {"search_by_account", "account"}, {"search_by_recorded", "recorded_at"}, {"search_by_date", "entry_date"},
        {"search_by_category_date", "category, entry_date"}, {"search_by_amount", "amount_e4"},
    };

    private DocumentBoundsColumns() {
    }

    /** The columns' definitions in {@code CREATE TABLE search_docs}. */
    static String definitions() {
        return String.join(" INTEGER, ", DocumentBounds.COLUMNS) + " INTEGER";
    }

    static void createIndexes(Statement statement) throws SQLException {
        for (String[] index : FILTER_INDEXES) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + index[0] + " ON search_docs(" + index[1] + ", position, "
                    + String.join(", ", DocumentBounds.COLUMNS) + ")");
        }
    }

    /** The statement writing a document's bounds into its row, {@link #set set} from parameter 1, the position last. */
    static PreparedStatement update(Connection connection) throws SQLException {
        return connection.prepareStatement("UPDATE search_docs SET " + String.join(" = ?, ", DocumentBounds.COLUMNS) + " = ? WHERE position = ?");
    }

    /** Binds the bounds to their parameters from {@code first}; returns the next free index. */
    static int set(PreparedStatement statement, int first, DocumentBounds bounds) throws SQLException {
        statement.setInt(first, bounds.length());
        statement.setLong(first + 1, bounds.tokens());
        statement.setLong(first + 2, bounds.twice());
        statement.setLong(first + 3, bounds.thrice());
        statement.setLong(first + 4, bounds.prefixTwice());
        statement.setLong(first + 5, bounds.prefixThrice());
        statement.setInt(first + 6, bounds.most());
        statement.setInt(first + 7, bounds.mostPrefix());
        return first + DocumentBounds.COLUMNS.size();
    }

    /**
     * Upgrades an index whose documents lack their bounds (run inside the caller's transaction): adds the columns, drops the
     * filters' indexes (faster to make again than to keep up to date row by row), fills every row from its text, makes the
     * indexes again with the bounds, and records the version. Logs its progress every 100,000 documents, as a warning so the
     * command line shows it too (about 40 s of CPU for a million documents, minutes on a busy disk: benchmarks-search.md, session 15).
     */
    static void upgrade(Connection connection, IndexingProgress progress) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            long total;
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM search_docs")) {
                total = count.next() ? count.getLong(1) : 0;
            }
            if (total > 0) {
                // a new index (nothing to fill) says nothing
                LOG.warn("Search index upgrade: keeping every document's bounds beside the filters (once; a few minutes per million events)");
            }
            Set<String> present = new HashSet<>();
            try (ResultSet columns = statement.executeQuery("PRAGMA table_info(search_docs)")) {
                while (columns.next()) {
                    present.add(columns.getString("name"));
                }
            }
            for (String column : DocumentBounds.COLUMNS) {
                if (!present.contains(column)) {
                    statement.execute("ALTER TABLE search_docs ADD COLUMN " + column + " INTEGER");
                }
            }
            for (String[] index : FILTER_INDEXES) {
                statement.execute("DROP INDEX IF EXISTS " + index[0]);
            }
            // the passing walk's join by position, which the columns replace
            statement.execute("DROP INDEX IF EXISTS search_bound_by_position");
            try (PreparedStatement update = update(connection);
                 ResultSet rows = statement.executeQuery("SELECT id, c0 FROM search_text_content")) {
                long done = 0;
                while (rows.next()) {
                    update.setLong(set(update, 1, DocumentBounds.of(rows.getString(2))), rows.getLong(1));
                    update.addBatch();
                    if (++done % 5_000 == 0) {
                        update.executeBatch();
                        progress.reached(done, total);
                    }
                    if (done % 100_000 == 0) {
                        LOG.warn("Search index upgrade: bounds of {} of {} documents kept", done, total);
                    }
                }
                update.executeBatch();
                if (total > 0) {
                    progress.reached(done, total);
                }
            }
            createIndexes(statement);
            statement.execute("INSERT OR REPLACE INTO search_state VALUES ('" + KEPT + "', '" + VERSION + "')");
            if (total > 0) {
                LOG.warn("Search index upgrade: done in {} s", (System.nanoTime() - started) / 1_000_000_000);
            }
        }
    }
}
