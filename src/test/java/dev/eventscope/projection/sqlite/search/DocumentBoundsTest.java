package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the bounds the passing walk reads from each filter's index ({@link DocumentBounds}, kept in {@code search_docs})
 * must be what the documents' texts give, at every step: after the first batch, a catch-up, a clear and refill, and for an
 * index made before the columns (upgraded when opened). Each persisted row is compared with the bounds made again from the
 * text FTS5 keeps, its length with FTS5's own count; and the bounds must bound: no query phrase occurs in a document more
 * often than they allow. Every filter's index holds them (else the walk would read the table again).
 */
class DocumentBoundsTest {

    /** Words and prefixes, some repeated in some documents, some of several tokens. */
    private static final List<String> PHRASES = List.of("eur", "main", "bank", "assets:bank:main", "ma*", "rent*", "café", "b10*",
            "m*", "supplier-00021", "zebra");

    @TempDir
    Path folder;

    @Test
    void the_kept_bounds_are_the_texts_after_a_catch_up_a_clear_and_an_upgrade() throws Exception {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(1, 120, "assets:bank:main EUR EUR rent-%d B10%d"), 120);
            assertKept(file, 120, "first batch");
            index.add("ledger", documents(121, 200, "expenses:rent EUR café café main-%d supplier-00021 B10%d zebra"), 200);
            assertKept(file, 200, "after a catch-up");
            index.clear();
            index.add("ledger", documents(1, 60, "zebra main main main %d rent %d ma mango"), 60);
            assertKept(file, 60, "after the index was cleared and filled with other documents");
        }
        // an index made before the columns: no bound columns, the filters' indexes without them, no version kept
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            for (String index : filterIndexes(statement)) {
                statement.execute("DROP INDEX " + index);
            }
            for (String column : DocumentBounds.COLUMNS) {
                statement.execute("ALTER TABLE search_docs DROP COLUMN " + column);
            }
            statement.execute("CREATE INDEX search_by_account ON search_docs(account, position)");
            statement.execute("DELETE FROM search_state WHERE key = '" + DocumentBoundsColumns.KEPT + "'");
        }
        try (SqliteSearchIndex reopened = SqliteSearchIndex.open(file)) {
            assertKept(file, 60, "an index made before the columns, upgraded when opened");
            reopened.add("ledger", documents(61, 90, "EUR main %d café %d eur"), 90);
            assertKept(file, 90, "a catch-up after the upgrade");
        }
    }

    @Test
    void a_row_whose_bounds_went_stale_is_found() throws Exception {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(1, 20, "assets:bank:main EUR EUR rent-%d B10%d"), 20);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE search_docs SET twice = 0 WHERE position = 7");
        }
        assertEquals(List.of(7L), stale(file), "the comparison finds the row changed behind the index's back");
    }

    /** Every document's kept bounds are its text's, the count is right, and every filter's index holds the bounds. */
    private static void assertKept(Path file, int documents, String when) throws Exception {
        assertEquals(List.of(), stale(file), when + ": documents whose kept bounds are not their text's");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM search_docs WHERE length IS NOT NULL")) {
                count.next();
                assertEquals(documents, count.getInt(1), when + ": documents with bounds");
            }
            List<String> indexes = filterIndexes(statement);
            assertEquals(9, indexes.size(), when + ": the filters' indexes " + indexes);
            for (String index : indexes) {
                List<String> columns = new ArrayList<>();
                try (ResultSet info = statement.executeQuery("PRAGMA index_info(" + index + ")")) {
                    while (info.next()) {
                        columns.add(info.getString("name"));
                    }
                }
                assertTrue(columns.containsAll(DocumentBounds.COLUMNS) && columns.contains("position"),
                        when + ": " + index + " holds the position and the bounds: " + columns);
            }
        }
    }

    /** The positions whose kept bounds differ from their text's (or do not bound a phrase, or whose length is not FTS5's). */
    private static List<Long> stale(Path file) throws Exception {
        List<Long> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT d.position, c.c0, s.sz, d." + String.join(", d.", DocumentBounds.COLUMNS)
                     + " FROM search_docs d JOIN search_text_content c ON c.id = d.position JOIN search_text_docsize s ON s.id = d.position")) {
            while (rows.next()) {
                List<String> tokens = Fts5Tokens.of(rows.getString(2));
                DocumentBounds kept = new DocumentBounds(rows.getInt(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8),
                        rows.getLong(9), rows.getInt(10), rows.getInt(11));
                boolean bounds = (int) Documents.varint(rows.getBytes(3), new int[1]) == kept.length()
                        && DocumentBounds.of(rows.getString(2)).equals(kept);
                for (String phrase : PHRASES) {
                    List<String> phraseTokens = SearchSql.isPrefix(phrase)
                            ? Fts5Tokens.prefixed(phrase.substring(0, phrase.length() - 1)) : Fts5Tokens.of(phrase);
                    bounds &= Fts5Tokens.occurrences(phraseTokens, tokens)
                            <= kept.occurrences(phraseTokens);
                }
                if (!bounds) {
                    stale.add(rows.getLong(1));
                }
            }
        }
        return stale;
    }

    private static List<String> filterIndexes(Statement statement) throws Exception {
        List<String> indexes = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'search_docs'"
                + " AND name LIKE 'search_by_%' ORDER BY name")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        return indexes;
    }

    private static List<SearchDocument> documents(int from, int to, String format) {
        return DocumentCountsTest.documents(from, to, format);
    }
}
