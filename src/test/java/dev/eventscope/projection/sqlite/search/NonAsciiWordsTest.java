package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19: words with letters outside ASCII are found as a person types them — with or without the accent, in any case —
 * and the relevance walk, which makes FTS5's tokens itself ({@link Fts5Tokens}), makes exactly the ones FTS5 makes.
 */
class NonAsciiWordsTest {

    private static final List<String> TEXTS = List.of(
            "PostingRecorded account-expenses:travel alice PostEntry Taxi Praha 250 Kč CZK",
            "PostingRecorded account-liabilities:suppliers:mueller bob PostEntry Rechnung Müller GmbH 1200 EUR",
            "EntryPosted entry-JE-1 carol PostEntry Café de Flore lunch 42.50 EUR",
            "PostingRecorded account-expenses:meals alice PostEntry café cafe CAFÉ Kc kč",
            "EntryPosted entry-JE-2 bob PostEntry Straße ÉCOLE naïve Ångström Łódź İstanbul",
            "EntryPosted entry-JE-3 bob PostEntry Ελληνικά Русский 東京 e\u0301clair ﬁnance ½ Ⅻ",
            "PostingRecorded account-assets:bank alice PostEntry plain text without any of them");

    @TempDir
    Path folder;

    @Test
    void kc_mueller_and_cafe_are_found_with_or_without_their_accents_in_any_case() {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(), TEXTS.size());
            assertEquals(List.of(1L, 4L), found(index, "Kč"));
            assertEquals(List.of(1L, 4L), found(index, "kc"), "Kč without its háček");
            assertEquals(List.of(1L, 4L), found(index, "KČ"));
            assertEquals(List.of(2L), found(index, "Müller"));
            assertEquals(List.of(2L), found(index, "muller"));
            assertEquals(List.of(2L), found(index, "MÜLLER"));
            assertEquals(List.of(3L, 4L), found(index, "café"));
            assertEquals(List.of(3L, 4L), found(index, "cafe"));
            assertEquals(List.of(3L, 4L), found(index, "CAFÉ"));
            assertEquals(List.of(3L, 4L), found(index, "caf*"), "a prefix ending before the accent");
            assertEquals(List.of(5L), found(index, "łódź"));
            assertEquals(List.of(5L), found(index, "ŁODZ"), "ó loses its accent; ł is a letter of its own for SQLite's tokenizer");
            assertEquals(List.of(), found(index, "lodz"));
            assertEquals(List.of(5L), found(index, "angstrom"));
            assertEquals(List.of(6L), found(index, "éclair"), "an e followed by a combining accent");
            assertEquals(List.of(6L), found(index, "東京"));
            assertEquals(List.of(6L), found(index, "РУССКИЙ"));
            assertEquals(List.of(), found(index, "русскии"), "й is not и with an accent: Cyrillic and Greek keep their marks");
        }
    }

    @Test
    void relevance_order_by_the_walk_gives_fts5s_order_for_accented_words() {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            reference.add("ledger", documents(), TEXTS.size());
        }
        try (SqliteSearchIndex walk = SqliteSearchIndex.open(file, 0, -1);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            for (String words : List.of("cafe", "Kč", "café kc", "müller eur", "CAFÉ", "русский", "русскии", "ελληνικά", "ελληνικα", "łódź")) {
                SearchQuery query = SearchQuery.text(words).withOrder(SearchQuery.Order.RELEVANCE);
                List<Long> expected = reference.search(query).hits().stream().map(SearchHit::position).toList();
                assertEquals(expected, walk.search(query).hits().stream().map(SearchHit::position).toList(), words);
                assertEquals(expected.isEmpty() ? RelevanceRanking.Route.FTS5_RANKS_ALL : RelevanceRanking.Route.WALK, walk.lastRelevanceRoute(), words);
            }
        }
    }

    @Test
    void the_walks_tokens_are_the_tokens_fts5_keeps() throws SQLException {
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex index = SqliteSearchIndex.open(file)) {
            index.add("ledger", documents(), TEXTS.size());
        }
        TreeSet<String> java = new TreeSet<>();
        TEXTS.forEach(text -> java.addAll(Fts5Tokens.of(text)));
        TreeSet<String> fts5 = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, search_text, 'row')");
            try (ResultSet rows = statement.executeQuery("SELECT term FROM temp.vocabulary")) {
                while (rows.next()) {
                    fts5.add(rows.getString(1));
                }
            }
        }
        assertEquals(fts5, java);
        assertEquals(List.of("taxi", "praha", "250", "kc", "czk"), Fts5Tokens.of("Taxi Praha 250 Kč CZK"));
    }

    private static List<Long> found(SqliteSearchIndex index, String words) {
        return index.search(SearchQuery.text(words)).hits().stream().map(SearchHit::position).toList();
    }

    private static List<SearchDocument> documents() {
        List<SearchDocument> documents = new ArrayList<>();
        for (int position = 1; position <= TEXTS.size(); position++) {
            String text = TEXTS.get(position - 1);
            String[] words = text.split(" ");
            String stream = words[1];
            String category = stream.substring(0, stream.indexOf('-'));
            documents.add(new SearchDocument(position, stream, category, words[0], words[2], words[3], 1_700_000_000_000_000L + position,
                    LocalDate.of(2024, 1, position), category.equals("account") ? stream.substring("account-".length()) : null,
                    BigDecimal.TEN, null, text));
        }
        return documents;
    }
}
