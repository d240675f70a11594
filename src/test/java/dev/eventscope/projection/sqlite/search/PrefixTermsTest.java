package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the terms a prefix longer than FTS5's prefix lists begins, read from FTS5's vocabulary (the walk's signature
 * test and a one-term prefix taken as that word), and the route of a long prefix beginning more terms than are worth a test.
 */
class PrefixTermsTest {

    @TempDir
    Path folder;

    @Test
    void a_long_prefix_lists_exactly_the_terms_it_begins_up_to_a_few() throws Exception {
        Path file = index(folder.resolve("index.sqlite"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            PrefixTerms terms = new PrefixTerms(connection);
            assertEquals(List.of("main", "mainland", "maintenance"), terms.of("main*", 1));
            assertEquals(List.of("maintenance"), terms.of("maint*", 1));
            assertEquals(List.of(), terms.of("abcd*", 1), "abce (the prefix's last byte raised by one) is not begun by abcd");
            assertEquals(List.of("straße", "straßen"), terms.of("straß*", 1), "compared as UTF-8 bytes");
            assertNull(terms.of("b001*", 1), "more than " + PrefixTerms.MOST + " terms");
            assertNull(terms.of("mai*", 1), "a prefix FTS5 keeps a list of has its own repeats");
        }
    }

    @Test
    void a_long_prefix_of_many_terms_is_walked_from_its_matches_and_one_of_a_few_terms_by_the_walk() throws Exception {
        Path file = index(folder.resolve("index.sqlite"));
        try (SqliteSearchIndex fast = SqliteSearchIndex.open(file, 10, -1);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            fast.awaitLengths();
            for (String words : List.of("b001*", "main*", "maint*", "straß*")) {
                SearchQuery query = SearchQuery.text(words).withOrder(SearchQuery.Order.RELEVANCE).withPageSize(5);
                SearchPage expected = reference.search(query);
                SearchPage actual = fast.search(query);
                assertEquals(positions(expected), positions(actual), words);
                assertEquals(expected.hits().stream().map(SearchHit::snippet).toList(), actual.hits().stream().map(SearchHit::snippet).toList(), words);
                assertEquals(expected.next(), actual.next(), words);
                assertEquals(words.equals("b001*") ? RelevanceRanking.Route.MATCHES_WALK
                        : words.equals("straß*") ? RelevanceRanking.Route.MATCHES_SCORED : RelevanceRanking.Route.WALK, fast.lastRelevanceRoute(), words);
            }
        }
    }

    /**
     * Session 14: an index opened by a one-shot command (the CLI) never loads the documents' lengths (a second of CPU on a
     * million documents, which the command paid and did not use): a long prefix of many terms is ranked by FTS5 until the
     * index is asked to warm up (the app's Search tab does), then walked from its matches; the same page either way.
     */
    @Test
    void the_lengths_are_loaded_only_when_the_index_is_asked_to_warm_up() throws Exception {
        Path file = index(folder.resolve("index.sqlite"));
        try (SqliteSearchIndex fast = SqliteSearchIndex.open(file, 10, -1);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            SearchQuery query = SearchQuery.text("b001*").withOrder(SearchQuery.Order.RELEVANCE).withPageSize(5);
            List<Long> expected = positions(reference.search(query));
            assertEquals(expected, positions(fast.search(query)));
            assertEquals(RelevanceRanking.Route.FTS5_RANKS_ALL, fast.lastRelevanceRoute(), "not warmed up: the lengths were not loaded");
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("search-index-warm-up")),
                    "no thread loads them");
            fast.warmUp();
            fast.awaitLengths();
            assertEquals(expected, positions(fast.search(query)));
            assertEquals(RelevanceRanking.Route.MATCHES_WALK, fast.lastRelevanceRoute(), "warmed up: walked from the matches");
        }
    }

    /** 20 entry ids beginning b001, main and its longer words in many documents, straße and straßen, and abce. */
    private static Path index(Path file) {
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            texts.add("EntryPosted B001" + (10 + index) + " rent");
        }
        for (int index = 0; index < 60; index++) {
            texts.add("PostingRecorded assets:bank:main " + (index % 3 == 0 ? "mainland" : index % 3 == 1 ? "maintenance main" : "rent"));
        }
        texts.add("Straße Straßen abce");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            List<SearchDocument> documents = new ArrayList<>();
            for (int position = 1; position <= texts.size(); position++) {
                documents.add(new SearchDocument(position, "entry-E" + position, "entry", "EntryPosted", "alice", "PostEntry",
                        1_700_000_000_000_000L + position, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, "E" + position,
                        texts.get(position - 1)));
            }
            index.add("ledger", documents, texts.size());
        }
        return file;
    }

    private static List<Long> positions(SearchPage page) {
        return page.hits().stream().map(SearchHit::position).toList();
    }
}
