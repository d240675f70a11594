package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: a relevance page of a long prefix of many terms looks each document up by the one term the prefix begins in it
 * (not by a merge of every term's list); its snippet must be exactly FTS5's snippet for the prefix itself.
 */
class RelevancePageTest {

    private static final List<String> TEXTS = List.of(
            "EntryPosted entry-B10001 alice B10001 main bank",
            "EntryPosted entry-B10002 bob rent paid to the landlord for march B10002",
            // two terms of the prefix: looked up the old way (their instances are two terms')
            "EntryPosted entry-B10003 carol reverses B10001 with B10003 at the bank main office",
            "EntryPosted entry-B10004 alice " + "many words before the id so that the snippet must choose ".repeat(3) + "B10004 main",
            "AccountOpened account-assets:bank:main alice no id here",
            "EntryPosted entry-B10005 bob B10005 B10005 the same id twice, main",
            "EntryPosted entry-B10006 Ünïcödé café B10006 straße main");

    @TempDir
    Path folder;

    @Test
    void each_snippet_is_the_one_fts5_makes_for_the_prefix() throws Exception {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            List<SearchDocument> documents = new ArrayList<>();
            for (int position = 1; position <= TEXTS.size(); position++) {
                documents.add(new SearchDocument(position, "entry-E" + position, "entry", "EntryPosted", "alice", "PostEntry",
                        1_700_000_000_000_000L + position, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, "E" + position,
                        TEXTS.get(position - 1)));
            }
            index.add("ledger", documents, TEXTS.size());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            int exact = 0;
            for (String words : List.of("b100*", "B100* main", "main b1000*", "entry-b1000*")) {
                RelevancePage.Match match = new RelevanceRanking(connection, null, 0, 0, 0).pageMatch(words, TEXTS.size());
                assertTrue(match.merging(), words + " is a prefix FTS5 merges at every look-up");
                List<Long> matches = fts5(connection, "SELECT rowid FROM search_text WHERE search_text MATCH ?", SearchSql.matchExpression(words));
                Map<Long, SearchHit> hits = RelevancePage.hits(connection, match, matches);
                assertEquals(matches.size(), hits.size(), words);
                try (Documents documents = new Documents(connection)) {
                    for (Documents.Document document : documents.read(matches)) {
                        String expected = snippet(connection, SearchSql.matchExpression(words), document.position());
                        assertEquals(expected, hits.get(document.position()).snippet(), words + " in " + document.text());
                        String lookedUp = RelevancePage.exact(match, document);
                        if (document.position() == 3) {
                            assertNull(lookedUp, "the prefix begins two terms in document 3");
                        } else if (lookedUp != null) {
                            exact++;
                            assertEquals(expected, snippet(connection, lookedUp, document.position()), "the same instances: " + lookedUp);
                        }
                    }
                }
            }
            assertTrue(exact >= 10, "most documents are looked up by their one term: " + exact);
        }
    }

    @Test
    void a_page_of_a_prefix_beginning_one_term_in_each_document_is_found_without_the_merge() throws Exception {
        Path file = folder.resolve("one.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", List.of(new SearchDocument(1, "entry-E1", "entry", "EntryPosted", "alice", "PostEntry",
                    1_700_000_000_000_000L, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, "E1", "B10001 B10001 main")), 1);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            RelevancePage.Match match = new RelevancePage.Match(List.of("\"b100\" *", "\"main\""), java.util.Arrays.asList(List.of("b100*"), null));
            try (Documents documents = new Documents(connection)) {
                String lookedUp = RelevancePage.exact(match, documents.read(List.of(1L)).get(0));
                assertNotNull(lookedUp);
                assertEquals("\"b10001\" AND \"main\"", lookedUp);
            }
        }
    }

    private static String snippet(Connection connection, String match, long position) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT snippet(search_text, 0, '[', ']', '…', 12) FROM search_text"
                + " WHERE search_text MATCH ? AND rowid = ?")) {
            select.setString(1, match);
            select.setLong(2, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static List<Long> fts5(Connection connection, String sql, String match) throws Exception {
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, match);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
            }
        }
        return positions;
    }
}
