package dev.eventscope.projection.sqlite.search;

import dev.eventscope.testing.TemporaryFolders;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.IndexingProgress;
import dev.eventscope.projection.search.SearchQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 19: relevance order without scoring every match. On random ledgers' indexes (event-like texts over a small
 * vocabulary with repeated, common, rare, accented and several-token words), random queries of one to three words
 * with random filters are answered twice on the same index file: by the fast paths (the walk, or the filtered
 * documents scored one by one, the walk from their bounds, a prefix word's matches scored; thresholds set so they are
 * always taken) and by FTS5 ranking every match
 * ({@code ORDER BY rank, rowid}, the exhaustive reference). The pages must be the same events in the same order with
 * the same ranks, the first page and every page after it by key.
 */
class RelevanceRankingProperties {

    private final TemporaryFolders folders = new TemporaryFolders();

    private static final List<String> WORDS = List.of("bank", "main", "main", "main", "bank", "assets", "assets:bank:main",
            "PostingRecorded", "EntryPosted", "EUR", "100.00", "JE-2025-0001", "JE-2025-0002", "supplier", "supplier-00021",
            "Müller", "café", "Straße", "ÉCOLE", "alice", "bob", "rent", "rent", "payroll", "Sale", "2024-03-01",
            // more terms a long prefix begins (main*: main, mainland, maintenance; straß*: straße, straßen)
            "mainland", "maintenance", "Straßen", "abce");
    private static final List<String> QUERY_WORDS = List.of("main", "bank", "MAIN", "assets:bank:main", "EUR", "100.00",
            "JE-2025-0001", "supplier", "muller", "cafe", "strasse", "straße", "école", "rent", "payroll", "sale", "2024-03-01", "bank:main",
            // prefixes: of one to three characters (FTS5's prefix lists, the walk's prefix repeats), longer, accented, in a phrase
            "m*", "ma*", "mai*", "main*", "e*", "su*", "supplier-0*", "é*", "mü*", "caf*", "assets:b*", "2024-0*", "p*", "r*",
            // longer than the prefix lists: one term (supp*, payr*, écol*, in a phrase je-2025-0001*), a few (main*, straß*,
            // bank:main*), none (abcd*, whose bytes raised by one are the term abce)
            "supp*", "payr*", "écol*", "je-2025-0001*", "straß*", "bank:main*", "maint*", "abcd*",
            // entry ids B10000 to B10039: b100* begins up to 40 terms (more than PrefixTerms.MOST: its matches are walked
            // shortest first, with their lengths from memory), b1001* ten, B10007 one
            "b100*", "B100*", "b1001*", "B10007", "b10*");
    private static final List<String> USERS = List.of("alice", "bob", "carol");

    /** A random ledger index: how many documents and the seed of their texts and columns. */
    record Ledger(int documents, long seed) {
    }

    /**
     * A query: words, which filters (bit set), the page size and which fast path is forced: 0 the filtered documents scored,
     * 1 the walk from the filtered documents' bounds, 2 the walk over every group, 3 a prefix word's matches scored.
     */
    record Ask(List<String> words, int filters, int pageSize, int path) {
    }

    @Provide
    Arbitrary<Ledger> ledgers() {
        return Combinators.combine(Arbitraries.integers().between(1, 300), Arbitraries.longs()).as(Ledger::new);
    }

    @Provide
    Arbitrary<Ask> asks() {
        return Combinators.combine(Arbitraries.of(QUERY_WORDS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                        Tuple.of(3, Arbitraries.integers().between(0, 63).filter(bits -> Integer.bitCount(bits) <= 2))),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 3)).as(Ask::new);
    }

    @Provide
    Arbitrary<Ask> manyTermsAsks() {
        return Combinators.combine(Arbitraries.of(QUERY_WORDS).list().ofMaxSize(1).map(words -> {
                    List<String> all = new ArrayList<>(words);
                    all.add(0, "b100*");
                    return all;
                }), Arbitraries.integers().between(0, 63).filter(bits -> Integer.bitCount(bits) <= 1),
                Arbitraries.integers().between(1, 12), Arbitraries.just(2)).as(Ask::new);
    }

    @Property(tries = 150)
    void the_fast_paths_give_the_pages_fts5_gives_when_it_ranks_every_match(@ForAll("ledgers") Ledger ledger, @ForAll("asks") Ask ask)
            throws IOException, InterruptedException {
        samePages(ledger, ask);
    }

    /** A long prefix beginning more terms than a signature test is worth: its matches are walked shortest first (lengths in memory). */
    @Property(tries = 60)
    void a_long_prefix_of_many_terms_gives_the_pages_fts5_gives(@ForAll("ledgers") Ledger ledger, @ForAll("manyTermsAsks") Ask ask)
            throws IOException, InterruptedException {
        RelevanceRanking.Route route = samePages(ledger, ask);
        Statistics.label("many terms").collect(route);
    }

    /** Answers the ask with the fast paths and with FTS5 ranking every match, asserts the same pages, and says which path answered. */
    private RelevanceRanking.Route samePages(Ledger ledger, Ask ask) throws IOException, InterruptedException {
        Path folder = folders.create("relevance");
        Path file = folder.resolve("index.sqlite");
        try (SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            reference.add("ledger", documents(ledger), ledger.documents());
        }
        SearchQuery query = query(ask);
        try (SqliteSearchIndex fast = SqliteSearchIndex.open(file, ask.path() == 3 ? Long.MAX_VALUE - 1 : 0,
                ask.path() == 0 ? Integer.MAX_VALUE : -1, ask.path() == 1 ? Integer.MAX_VALUE : -1, true, IndexingProgress.NONE);
             SqliteSearchIndex reference = SqliteSearchIndex.open(file, Long.MAX_VALUE, 0)) {
            fast.awaitLengths();
            SearchPage expected = reference.search(query, null);
            assertEquals(RelevanceRanking.Route.FTS5_RANKS_ALL, reference.lastRelevanceRoute());
            SearchPage actual = fast.search(query, null);
            RelevanceRanking.Route route = fast.lastRelevanceRoute();
            assertNotEquals(RelevanceRanking.Route.WALK_GAVE_UP, route, "the walk read a document whose tokens FTS5 counted differently");
            Statistics.label("route").collect(route);
            Statistics.label("route of a prefix word").collect(ask.words().stream().anyMatch(word -> word.endsWith("*")) ? route : "no prefix");
            Statistics.label("hits on the first page").collect(Math.min(expected.hits().size(), 3));
            assertEquals(ranked(expected), ranked(actual), "the first page of " + query);
            assertEquals(expected.next(), actual.next());
            assertEquals(allPages(reference, query), allPages(fast, query), "every page by key of " + query);
            assertEquals(ranked(reference.search(query.withPage(2))), ranked(fast.search(query.withPage(2))), "page 2 by offset");
            return route;
        } finally {
            folders.deleteAll();
        }
    }

    private static List<String> ranked(SearchPage page) {
        return page.hits().stream().map(SearchHit::position).map(String::valueOf).toList();
    }

    private static List<String> allPages(SqliteSearchIndex index, SearchQuery query) {
        List<String> pages = new ArrayList<>();
        SearchCursor after = null;
        do {
            SearchPage page = index.search(query, after);
            pages.add(ranked(page) + " next " + page.next());
            after = page.next();
        } while (after != null);
        return pages;
    }

    private static SearchQuery query(Ask ask) {
        SearchQuery query = SearchQuery.text(String.join(" ", ask.words())).withOrder(SearchQuery.Order.RELEVANCE)
                .withPageSize(ask.pageSize());
        int filters = ask.filters();
        if ((filters & 1) != 0) {
            query = query.withCategory("account");
        }
        if ((filters & 2) != 0) {
            query = query.withUser("alice");
        }
        if ((filters & 4) != 0) {
            query = query.withAmounts(new BigDecimal("10"), new BigDecimal("600"));
        }
        if ((filters & 8) != 0) {
            query = query.withDates(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 30));
        }
        if ((filters & 16) != 0) {
            query = query.withTypes(List.of("PostingRecorded", "EntryPosted"));
        }
        if ((filters & 32) != 0 && filters < 40) {
            query = query.withAccount("assets:bank");
        }
        return query;
    }

    /** Event-like documents: type, stream and user first, then words drawn with repeats (common words often). */
    private static List<SearchDocument> documents(Ledger ledger) {
        Random random = new Random(ledger.seed());
        List<String> types = List.of("PostingRecorded", "EntryPosted", "AccountOpened");
        List<String> accounts = List.of("assets:bank:main", "assets:bank:savings", "expenses:rent", "income:sales");
        List<SearchDocument> documents = new ArrayList<>();
        for (int position = 1; position <= ledger.documents(); position++) {
            String type = types.get(random.nextInt(types.size()));
            boolean posting = !type.equals("EntryPosted");
            String account = accounts.get(random.nextInt(accounts.size()));
            String stream = posting ? "account-" + account : "entry-JE-2025-000" + random.nextInt(4);
            String user = USERS.get(random.nextInt(USERS.size()));
            StringBuilder text = new StringBuilder(type + " " + stream + " " + user);
            int words = random.nextInt(random.nextBoolean() ? 4 : 25);
            for (int word = 0; word < words; word++) {
                text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
            }
            // an entry id in half the documents, now and then two (a long prefix repeated in a document)
            for (int id = random.nextInt(4); id >= 2; id--) {
                text.append(" B100").append(String.format(java.util.Locale.ROOT, "%02d", random.nextInt(40)));
            }
            documents.add(new SearchDocument(position, stream, posting ? "account" : "entry", type, user, "PostEntry",
                    1_700_000_000_000_000L + position * 1_000_000L, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(150)),
                    posting ? account : null, BigDecimal.valueOf(random.nextInt(1000)), null, text.toString()));
        }
        documents.sort(Comparator.comparingLong(SearchDocument::position));
        return documents;
    }
}
