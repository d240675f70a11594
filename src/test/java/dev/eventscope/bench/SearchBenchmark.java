package dev.eventscope.bench;

import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.search.LedgerSearch;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchDocuments;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Search on a big ledger (run on demand, never in CI):
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.eventscope.bench.SearchBenchmark LEDGER INDEX-DIR [reuse]
 * </pre>
 * Indexes the ledger from scratch (timed), then for each query measures the first page (50 hits): the
 * median and the worst of 7 runs after one warm-up, beside the target of 100 ms and beside the plain
 * reference, a scan of the events through the same documents until the first page is full.
 */
public final class SearchBenchmark {

    private static final int RUNS = 7;

    private SearchBenchmark() {
    }

    /** A query, the page it starts after (by key; null: by the query's page number), and the plain reference. */
    record Case(String name, SearchQuery query, SearchCursor after, Predicate<SearchDocument> reference) {
        Case(String name, SearchQuery query, Predicate<SearchDocument> reference) {
            this(name, query, null, reference);
        }
    }

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]);
        Path indexes = Path.of(args[1]);
        Files.createDirectories(indexes);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
            long start = System.nanoTime();
            boolean reuse = args.length > 2 && args[2].equals("reuse");
            long indexed = reuse ? search.catchUp() : search.rebuild();
            System.out.printf(Locale.ROOT, "%s %,d events in %.1f s%n%n", reuse ? "caught up" : "indexed", indexed,
                    (System.nanoTime() - start) / 1e9);
            SearchQuery base = SearchQuery.text("");
            List<Case> cases = List.of(
                    new Case("word in many events: \"main\"", base.withText("main"), d -> d.text().toLowerCase(Locale.ROOT).contains("main")),
                    new Case("rare word: \"supplier-00021\"", base.withText("supplier-00021"), d -> d.text().contains("supplier-00021")),
                    new Case("entry id: \"B00123456\"", base.withText("B00123456"), d -> d.text().contains("B00123456")),
                    new Case("no match: \"zebra\"", base.withText("zebra"), d -> d.text().contains("zebra")),
                    new Case("prefix: \"trip-0002*\"", base.withText("trip-0002*"), d -> d.text().contains("trip-0002")),
                    new Case("two words, relevance: \"bank main\"", base.withText("bank main").withOrder(SearchQuery.Order.RELEVANCE),
                            d -> d.text().contains("bank") && d.text().contains("main")),
                    new Case("whole log, no filter", base, d -> true),
                    new Case("type EntryReversed (none)", base.withTypes(List.of("EntryReversed")), d -> d.type().equals("EntryReversed")),
                    new Case("account assets:stores (subaccounts)", base.withAccount("assets:stores"),
                            d -> d.account() != null && d.account().startsWith("assets:stores:")),
                    new Case("amount 4,900-5,000", base.withAmounts(new BigDecimal("4900"), new BigDecimal("5000")),
                            d -> d.amount() != null && d.amount().abs().compareTo(new BigDecimal("4900")) >= 0
                                    && d.amount().abs().compareTo(new BigDecimal("5000")) <= 0),
                    new Case("dates in March 2024, category entry", base.withDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))
                            .withCategory("entry"), d -> "entry".equals(d.category()) && d.entryDate() != null
                            && !d.entryDate().isBefore(LocalDate.of(2024, 3, 1)) && !d.entryDate().isAfter(LocalDate.of(2024, 3, 31))),
                    new Case("word + filters: \"main\", entry, 2024-03", base.withText("main").withCategory("entry")
                            .withDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)),
                            d -> d.text().toLowerCase(Locale.ROOT).contains("main") && "entry".equals(d.category()) && d.entryDate() != null
                                    && !d.entryDate().isBefore(LocalDate.of(2024, 3, 1)) && !d.entryDate().isAfter(LocalDate.of(2024, 3, 31))),
                    new Case("last page of the whole log", base.withPage(20_000), d -> true),
                    new Case("last page of the whole log, by key", base.withPage(20_000),
                            search.search(base.withPage(19_999)).next(), d -> true),
                    new Case("page 10,000 of \"main\", by key", base.withText("main").withPage(10_000),
                            search.search(base.withText("main").withPage(9_999)).next(),
                            d -> d.text().toLowerCase(Locale.ROOT).contains("main")));
            System.out.println("| query | hits on page 1 | first page median (ms) | worst (ms) | target (ms) | plain scan to the same page (ms) |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (Case one : cases) {
                search.search(one.query(), one.after());
                double[] times = new double[RUNS];
                SearchPage page = null;
                for (int run = 0; run < RUNS; run++) {
                    long begin = System.nanoTime();
                    page = one.after() == null ? search.search(one.query()) : search.search(one.query(), one.after());
                    times[run] = (System.nanoTime() - begin) / 1e6;
                }
                Arrays.sort(times);
                double scan = scan(store, one.reference(), one.query().page() * one.query().pageSize());
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | 100 | %.0f |%n", one.name(), page.hits().size(), times[RUNS / 2],
                        times[RUNS - 1], scan);
            }
        }
    }

    /** Reads events in order through the documents until {@code wanted} match: what a search without an index costs. */
    private static double scan(SqliteEventStore store, Predicate<SearchDocument> reference, int wanted) {
        SearchDocuments documents = new SearchDocuments();
        long begin = System.nanoTime();
        int found = 0;
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext() && found < wanted) {
                RecordedEvent event = cursor.next();
                if (reference.test(documents.of(event))) {
                    found++;
                }
            }
        }
        return (System.nanoTime() - begin) / 1e6;
    }
}
