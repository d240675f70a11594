package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19: the walk lowers a phrase's highest count only once the groups of all its higher counts are read to their end.
 * One short document repeats "alpha" twice, one "beta" twice, a ten-token one both three times (the best match after
 * those two), and 70 four-token ones hold each word once. The two twice-groups are read first; had either word's count
 * then fallen to one (while its three-times group was unread), the best match's bound in both its groups would be below
 * the four-token documents' scores and it would be left off the page. Lowering a count as soon as any of its groups ends
 * was tried: this test failed.
 */
class RelevanceWalkBoundsTest {

    @TempDir
    Path folder;

    @Test
    void a_document_repeating_two_words_three_times_is_found_after_both_twice_groups_are_read() {
        Path file = folder.resolve("index.sqlite");
        List<String> texts = new ArrayList<>(List.of("alpha alpha beta", "beta beta alpha",
                "alpha alpha alpha beta beta beta gamma delta gamma delta"));
        for (int index = 0; index < 70; index++) {
            texts.add("alpha beta gamma delta");
        }
        for (int index = 0; index < 400; index++) {
            texts.add("gamma delta epsilon");
        }
        try (SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            reference.add("ledger", documents(texts), texts.size());
        }
        try (SqliteSearchIndex walk = SqliteSearchIndex.open(file, 0, -1);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            for (int pageSize : new int[] {3, 10}) {
                SearchQuery query = SearchQuery.text("alpha beta").withOrder(SearchQuery.Order.RELEVANCE).withPageSize(pageSize);
                SearchPage expected = reference.search(query);
                assertEquals(List.of(1L, 2L, 3L), positions(expected).subList(0, 3),
                        "the two short repeating documents, then the one repeating both words three times");
                assertEquals(positions(expected), positions(walk.search(query)), "page size " + pageSize);
                assertEquals(RelevanceRanking.Route.WALK, walk.lastRelevanceRoute());
                assertEquals(expected.next(), walk.search(query).next());
            }
        }
    }

    private static List<Long> positions(SearchPage page) {
        return page.hits().stream().map(SearchHit::position).toList();
    }

    private static List<SearchDocument> documents(List<String> texts) {
        List<SearchDocument> documents = new ArrayList<>();
        for (int position = 1; position <= texts.size(); position++) {
            documents.add(new SearchDocument(position, "entry-E" + position, "entry", "EntryPosted", "alice", "PostEntry",
                    1_700_000_000_000_000L + position, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, "E" + position,
                    texts.get(position - 1)));
        }
        return documents;
    }
}
