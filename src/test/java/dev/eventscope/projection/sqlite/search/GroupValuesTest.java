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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19: the relevance walk leaves out a (category, type) group in which no document names the filter's user, command or
 * account, or none of which has an amount under an amount filter ({@code search_group_values}), and an index made before that table is given it from its documents when opened.
 * Every hit (one page of 300) is compared with FTS5 ranking every match, before and after the table is emptied and refilled.
 */
class GroupValuesTest {

    @TempDir
    Path folder;

    @Test
    void groups_no_document_of_which_names_the_filter_are_left_out_and_an_older_index_is_given_the_values() throws Exception {
        Path file = folder.resolve("index.sqlite");
        List<SearchDocument> documents = new ArrayList<>();
        for (int position = 1; position <= 300; position++) {
            boolean posting = position % 3 != 0;
            String account = position % 3 == 1 ? "assets:bank:main" : "expenses:rent";
            documents.add(new SearchDocument(position, posting ? "account-" + account : "entry-E" + position, posting ? "account" : "entry",
                    posting ? "PostingRecorded" : "EntryPosted", position % 2 == 0 ? "alice" : "bob", "PostEntry",
                    1_700_000_000_000_000L + position, LocalDate.of(2024, 1, 1), posting ? account : null, posting ? BigDecimal.ONE : null, "E" + position,
                    (posting ? "PostingRecorded account-" + account : "EntryPosted assets:bank:main expenses:rent") + " main bank".repeat(position % 4)));
        }
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            index.add("ledger", documents, documents.size());
        }
        assertSamePages(file);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM search_group_values");
            statement.execute("DELETE FROM search_state WHERE key = 'group_values'");
            statement.execute("DELETE FROM search_state WHERE key = 'group_amounts'");
        }
        assertSamePages(file);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT category, type, name, value FROM search_group_values WHERE name = 'account' ORDER BY 1, 2, 4")) {
            List<String> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(4));
            }
            assertEquals(List.of("account PostingRecorded assets:bank:main", "account PostingRecorded expenses:rent"), accounts,
                    "refilled from the documents when the index was opened");
        }
    }

    private static void assertSamePages(Path file) {
        try (SqliteSearchIndex walk = SqliteSearchIndex.open(file, 0, -1);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            SearchQuery main = SearchQuery.text("main bank").withOrder(SearchQuery.Order.RELEVANCE).withPageSize(300);
            for (SearchQuery query : List.of(main.withAccount("assets:bank"), main.withAccount("assets"), main.withAccount("expenses:rent"),
                    main.withUser("alice"), main.withUser("nobody"), main.withAmounts(BigDecimal.ZERO, BigDecimal.TEN),
                    main.withAmounts(BigDecimal.TEN, null), main.withCommand("PostEntry").withAccount("assets:bank:main"))) {
                SearchPage expected = reference.search(query);
                assertEquals(positions(expected), positions(walk.search(query)), query.toString());
                assertEquals(expected.next(), walk.search(query).next(), query.toString());
                assertEquals(RelevanceRanking.Route.WALK, walk.lastRelevanceRoute(), query.toString());
            }
        }
    }

    private static List<Long> positions(SearchPage page) {
        return page.hits().stream().map(SearchHit::position).toList();
    }
}
