package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the document counts bm25 needs are kept by the index ({@link DocumentCounts}) and must be FTS5's own count at
 * every step: after the first batch, after a catch-up adds documents holding the same words, after the index is cleared and
 * filled with other documents, in a new process (the phrases' counts read back from the file), and for an index made
 * before the counts (filled from FTS5's vocabulary when opened). Documents that are not plain ASCII are counted by FTS5.
 */
class DocumentCountsTest {

    /** Words (a phrase each), a phrase of three tokens, prefixes of one and several terms, words only some batches hold. */
    private static final List<String> WORDS = List.of("eur", "main", "bank", "assets:bank:main", "ma*", "rent*", "cafe", "café",
            "zebra", "B10*", "supplier-00021");

    @TempDir
    Path folder;

    @Test
    void every_kept_count_is_fts5s_after_a_catch_up_a_clear_a_reopen_and_an_upgrade() throws Exception {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(1, 120, "assets:bank:main EUR rent-%d B10%d"), 120);
            assertCounts(file, 120, "first batch");
            assertTotals(index, file, "first batch");
            // a catch-up: the same words again, new words, and documents that are not plain ASCII
            index.add("ledger", documents(121, 200, "expenses:rent EUR café main-%d supplier-00021 B10%d zebra"), 200);
            assertCounts(file, 200, "after a catch-up");
            assertTotals(index, file, "after a catch-up");
            index.add("ledger", documents(201, 230, "bank main EUR naïve cafe %d %d"), 230);
            assertCounts(file, 230, "after a second catch-up");
            index.clear();
            index.add("ledger", documents(1, 50, "zebra main %d rent %d"), 50);
            assertCounts(file, 50, "after the index was cleared and filled with other documents");
            assertTotals(index, file, "after the index was cleared");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM search_token_rows");
            statement.execute("DELETE FROM search_state WHERE key = 'token_rows_kept'");
        }
        try (SqliteSearchIndex reopened = SqliteSearchIndex.open(file)) {
            assertCounts(file, 50, "an index made before the counts, filled when opened");
            reopened.add("ledger", documents(51, 90, "EUR main %d café %d"), 90);
            assertCounts(file, 90, "a catch-up after the upgrade");
            assertTotals(reopened, file, "a catch-up after the upgrade");
        }
    }

    @Test
    void a_phrase_count_kept_by_one_process_is_extended_by_the_next_with_the_documents_added_since() throws Exception {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(1, 40, "assets:bank:main %d %d"), 40);
        }
        assertCounts(file, 40, "counted and kept");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("SELECT rows FROM search_phrase_rows WHERE phrase = '\"assets:bank:main\"'")) {
            assertTrue(kept.next(), "the phrase's count is kept in the file");
            assertEquals(40, kept.getLong(1));
        }
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(41, 70, "assets:bank:main assets:bank:main %d %d"), 70);
        }
        assertCounts(file, 70, "the kept count extended");
    }

    /** Documents from..to of one account, their text the format with (position % 7, position); every third adds "ma main". */
    static List<SearchDocument> documents(int from, int to, String format) {
        List<SearchDocument> documents = new ArrayList<>();
        for (int position = from; position <= to; position++) {
            String text = String.format(format, position % 7, position);
            documents.add(new SearchDocument(position, "account-x", "account", "PostingRecorded", "alice", "PostEntry",
                    1_700_000_000_000_000L + position, LocalDate.of(2024, 1, 1), "assets:bank:main", BigDecimal.ONE, "E" + position,
                    position % 3 == 0 ? text + " ma main" : text));
        }
        return documents;
    }

    /**
     * The total a search of one word prints (the command line's "N events found", now read from the kept counts) is FTS5's
     * count of the word's rows, as is a word with a filter (still counted by SQL).
     */
    private static void assertTotals(SqliteSearchIndex index, Path file, String when) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement fts5 = connection.prepareStatement("SELECT count(*) FROM search_text WHERE search_text MATCH ?")) {
            for (String word : WORDS) {
                fts5.setString(1, SearchSql.phrases(word).get(0));
                try (ResultSet row = fts5.executeQuery()) {
                    row.next();
                    assertEquals(row.getLong(1), index.count(SearchQuery.text(word)), word + ", " + when);
                    assertEquals(row.getLong(1), index.count(SearchQuery.text(word).withAmounts(BigDecimal.ZERO, BigDecimal.TEN)), word + ", amount 0-10, " + when);
                }
            }
        }
    }

    /** Every word's count, as the ranking asks it, against FTS5 counting the phrase's rows itself. */
    private static void assertCounts(Path file, long checkpoint, String when) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement fts5 = connection.prepareStatement("SELECT count(*) FROM search_text WHERE search_text MATCH ?")) {
            DocumentCounts counts = new DocumentCounts(connection);
            PrefixTerms terms = new PrefixTerms(connection);
            for (String word : WORDS) {
                String phrase = SearchSql.phrases(word).get(0);
                fts5.setString(1, phrase);
                long expected;
                try (ResultSet row = fts5.executeQuery()) {
                    row.next();
                    expected = row.getLong(1);
                }
                boolean prefix = SearchSql.isPrefix(word);
                List<String> tokens = prefix ? Fts5Tokens.prefixed(word.substring(0, word.length() - 1)) : Fts5Tokens.of(word);
                List<String> begun = prefix ? terms.of(tokens.get(tokens.size() - 1), checkpoint) : null;
                String token = tokens.size() == 1 && DocumentCounts.plain(word) && (!prefix || begun != null && begun.size() == 1)
                        ? (prefix ? begun.get(0) : tokens.get(0)) : null;
                assertEquals(expected, counts.rows(phrase, token, checkpoint), word + ", " + when);
                assertEquals(expected, counts.rows(phrase, null, checkpoint), word + " as a phrase, " + when);
            }
        }
    }
}
