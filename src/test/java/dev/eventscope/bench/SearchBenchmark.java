package dev.eventscope.bench;

import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.search.LedgerSearch;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchDocuments;
import dev.eventscope.projection.search.SearchIndex;
import dev.eventscope.projection.search.SearchIndexes;
import dev.eventscope.projection.sqlite.search.BenchmarkIndexes;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.eventscope.bench.SearchBenchmark LEDGER INDEX-DIR [reuse|nocatchup] [noscan] [only=TEXT]
 * </pre>
 * Indexes the ledger from scratch (timed; {@code reuse}: only catches up), then for each query measures the first page
 * (50 hits): the first ask, then the median and the worst wall time and the median CPU time of this thread (SQLite runs
 * on it) of 7 runs, beside the target of 100 ms. Relevance-ordered queries say how the page was found and are
 * paired with FTS5 ranking every match on the same file (one run), whose page must be the same; every query with the
 * plain reference, a scan of the events through the same documents until the page is full ({@code noscan}: not).
 * {@code only=TEXT}: only the queries whose name contains TEXT (or one of TEXT|TEXT...).
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
        List<String> options = Arrays.asList(args).subList(2, args.length);
        Files.createDirectories(indexes);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            Path file;
            try (LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
                long start = System.nanoTime();
                boolean reuse = options.contains("reuse");
                // nocatchup: the index file as it is (a copy of one still being built, say), its first events only
                long indexed = options.contains("nocatchup") ? 0 : reuse ? search.catchUp() : search.rebuild();
                System.out.printf(Locale.ROOT, "%s %,d events in %.1f s%n%n", reuse ? "caught up" : "indexed", indexed,
                        (System.nanoTime() - start) / 1e9);
                file = SearchIndexes.fileOf(indexes, search.ledgerId());
            }
            long opening = System.nanoTime();
            try (SearchIndex index = new SqliteSearchIndexFactory().open(file);
                 SearchIndex everyMatch = BenchmarkIndexes.rankingEveryMatch(file)) {
                double opened = (System.nanoTime() - opening) / 1e6;
                // the first asks below are those of a user who types after the index has warmed up (its documents' lengths
                // loaded off the opener's thread): how long that takes is printed here
                double warm = BenchmarkIndexes.awaitWarm(index);
                BenchmarkIndexes.awaitWarm(everyMatch);
                System.out.printf(Locale.ROOT, "index opened in %.0f ms, warmed up %.0f ms later%n%n", opened, warm);
                String only = options.stream().filter(option -> option.startsWith("only=")).map(option -> option.substring(5)).findFirst().orElse(null);
                run(store, index, everyMatch, !options.contains("noscan"), only);
            }
        }
    }

    private static void run(SqliteEventStore store, SearchIndex search, SearchIndex everyMatch, boolean scan, String only) {
        SearchQuery base = SearchQuery.text("");
        SearchQuery relevance = base.withOrder(SearchQuery.Order.RELEVANCE);
        LocalDate march = LocalDate.of(2024, 3, 1);
        Predicate<SearchDocument> inMarch = d -> d.entryDate() != null && !d.entryDate().isBefore(march)
                && !d.entryDate().isAfter(LocalDate.of(2024, 3, 31));
        Predicate<SearchDocument> main = d -> d.text().toLowerCase(Locale.ROOT).contains("main");
        java.time.Instant second = java.time.Instant.EPOCH.plus(1796271900000000L, java.time.temporal.ChronoUnit.MICROS);
        Predicate<SearchDocument> bankMain = d -> d.text().contains("bank") && d.text().contains("main");
        List<Case> cases = List.of(
                new Case("word in many events: \"main\"", base.withText("main"), main),
                new Case("rare word: \"supplier-00021\"", base.withText("supplier-00021"), d -> d.text().contains("supplier-00021")),
                new Case("entry id: \"B00123456\"", base.withText("B00123456"), d -> d.text().contains("B00123456")),
                new Case("no match: \"zebra\"", base.withText("zebra"), d -> d.text().contains("zebra")),
                new Case("prefix: \"trip-0002*\"", base.withText("trip-0002*"), d -> d.text().contains("trip-0002")),
                new Case("whole log, no filter", base, d -> true),
                new Case("type EntryReversed (none)", base.withTypes(List.of("EntryReversed")), d -> d.type().equals("EntryReversed")),
                new Case("account assets:stores (subaccounts)", base.withAccount("assets:stores"),
                        d -> d.account() != null && d.account().startsWith("assets:stores:")),
                new Case("amount 4,900-5,000", base.withAmounts(new BigDecimal("4900"), new BigDecimal("5000")),
                        d -> d.amount() != null && d.amount().abs().compareTo(new BigDecimal("4900")) >= 0
                                && d.amount().abs().compareTo(new BigDecimal("5000")) <= 0),
                new Case("dates in March 2024, category entry", base.withDates(march, LocalDate.of(2024, 3, 31)).withCategory("entry"),
                        d -> "entry".equals(d.category()) && inMarch.test(d)),
                new Case("word + filters: \"main\", entry, 2024-03", base.withText("main").withCategory("entry")
                        .withDates(march, LocalDate.of(2024, 3, 31)), d -> main.test(d) && "entry".equals(d.category()) && inMarch.test(d)),
                new Case("last page of the whole log, by key", base.withPage(20_000), search.search(base.withPage(19_999)).next(), d -> true),
                new Case("page 10,000 of \"main\", by key", base.withText("main").withPage(10_000),
                        search.search(base.withText("main").withPage(9_999)).next(), main),
                new Case("relevance: \"main\"", relevance.withText("main"), main),
                new Case("relevance: \"bank main\"", relevance.withText("bank main"), bankMain),
                new Case("relevance: \"eur bank main\"", relevance.withText("eur bank main"), d -> bankMain.test(d) && d.text().contains("EUR")),
                new Case("relevance: \"assets:bank:main\" (3-token phrase)", relevance.withText("assets:bank:main"),
                        d -> d.text().contains("assets:bank:main")),
                new Case("relevance: \"main\", entry, 2024-03", relevance.withText("main").withCategory("entry")
                        .withDates(march, LocalDate.of(2024, 3, 31)), d -> main.test(d) && "entry".equals(d.category()) && inMarch.test(d)),
                new Case("relevance: \"bank main\", account assets:stores", relevance.withText("bank main").withAccount("assets:stores"),
                        d -> bankMain.test(d) && d.account() != null && d.account().startsWith("assets:stores:")),
                new Case("relevance: \"bank main\", amount 4,900-5,000", relevance.withText("bank main")
                        .withAmounts(new BigDecimal("4900"), new BigDecimal("5000")), bankMain),
                new Case("relevance: \"bank main\", type PostingRecorded", relevance.withText("bank main")
                        .withTypes(List.of("PostingRecorded")), d -> bankMain.test(d) && d.type().equals("PostingRecorded")),
                new Case("relevance: rare word \"supplier-00021\"", relevance.withText("supplier-00021"), d -> d.text().contains("supplier-00021")),
                new Case("relevance: prefix \"trip-0002*\"", relevance.withText("trip-0002*"), d -> d.text().contains("trip-0002")),
                new Case("relevance: \"bank main\", page 2 by key", relevance.withText("bank main"),
                        search.search(relevance.withText("bank main")).next(), bankMain),
                // worst cases: a filter that few of the word's matches pass, spread over the whole ledger; nothing passing; prefixes of one letter
                new Case("worst: \"eur\", type AccountOpened (none has EUR)", base.withText("eur").withTypes(List.of("AccountOpened")), d -> false),
                new Case("worst: \"eur\", command OpenAccount (none)", base.withText("eur").withCommand("OpenAccount"), d -> false),
                new Case("worst: \"main\", category ledger (2 events, first and last)", base.withText("main").withCategory("ledger"), d -> false),
                new Case("worst: \"cleared\", type PostingRecorded (none)", base.withText("cleared").withTypes(List.of("PostingRecorded")), d -> false),
                new Case("worst: \"main\", user nobody", base.withText("main").withUser("nobody"), d -> false),
                new Case("worst: \"supplier\", account assets:stores:store-00080", base.withText("supplier").withAccount("assets:stores:store-00080"),
                        d -> d.text().contains("upplier") && "assets:stores:store-00080".equals(d.account())),
                new Case("worst: \"eur\", account assets:stores:store-00080", base.withText("eur").withAccount("assets:stores:store-00080"),
                        d -> "assets:stores:store-00080".equals(d.account())),
                new Case("worst: \"main\", recorded in one second mid-import", base.withText("main").withRecorded(second, second.plusSeconds(1)),
                        main),
                new Case("worst: \"supplier\", amount 4,900-5,000, dates 2022", base.withText("supplier")
                        .withAmounts(new BigDecimal("4900"), new BigDecimal("5000")).withDates(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)),
                        d -> false),
                new Case("worst: prefix of one letter \"a*\"", base.withText("a*"), d -> true),
                new Case("worst: relevance: prefix of one letter \"e*\"", relevance.withText("e*"), d -> true),
                new Case("worst: relevance: prefix \"main*\"", relevance.withText("main*"), main),
                new Case("worst: relevance: \"main\", account assets:stores:store-00080", relevance.withText("main")
                        .withAccount("assets:stores:store-00080"), main),
                new Case("worst: relevance: \"bank main\", account assets:stores (9,765 events)", relevance.withText("bank main")
                        .withAccount("assets:stores"), bankMain),
                new Case("worst: relevance: \"eur\", amount 100-1,000", relevance.withText("eur")
                        .withAmounts(new BigDecimal("100"), new BigDecimal("1000")), d -> true),
                new Case("worst: relevance: \"main\", category ledger (none)", relevance.withText("main").withCategory("ledger"), d -> false),
                new Case("worst: relevance: \"eur bank main\" (EUR in every posting)", relevance.withText("eur bank main"), bankMain),
                new Case("worst: relevance: \"eur\" (in every posting and entry)", relevance.withText("eur"), d -> true),
                // session 9: prefixes of one to three letters (FTS5's prefix lists), prefixes in relevance order, selective filters
                new Case("worst: prefix of one letter \"e*\"", base.withText("e*"), d -> true),
                new Case("worst: prefix of two letters \"ma*\"", base.withText("ma*"), d -> true),
                new Case("worst: prefix of four characters beginning 100,000 entry ids \"B001*\"", base.withText("B001*"), d -> true),
                new Case("worst: relevance: prefix of four characters \"B001*\"", relevance.withText("B001*"), d -> true),
                new Case("worst: relevance: prefix of one letter \"a*\"", relevance.withText("a*"), d -> true),
                new Case("worst: relevance: prefix of two letters \"ma*\"", relevance.withText("ma*"), d -> true),
                new Case("worst: relevance: prefix \"supplier-0002*\"", relevance.withText("supplier-0002*"), d -> true),
                new Case("worst: relevance: \"eur\", account assets:stores (EUR repeated)", relevance.withText("eur")
                        .withAccount("assets:stores"), d -> true),
                new Case("worst: relevance: \"main*\", account assets:stores", relevance.withText("main*")
                        .withAccount("assets:stores"), main),
                new Case("worst: relevance: \"bank main\", account assets:bank (every posting to it)", relevance.withText("bank main")
                        .withAccount("assets:bank"), bankMain));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("| query | hits | how | first ask wall / CPU (ms) | median wall (ms) | worst wall (ms) | median CPU (ms) | target (ms)"
                + " | reference: FTS5 ranking every match, or SQLite's plain join: wall / CPU (ms, 1 run) | same page | plain scan to the same page (ms) |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---|---:|");
        for (Case one : cases) {
            if (only != null && java.util.Arrays.stream(only.split("\\|")).noneMatch(one.name()::contains)) {
                continue;
            }
            long firstBegin = System.nanoTime();
            long firstCpu = threads.getCurrentThreadCpuTime();
            ask(search, one);
            double first = (System.nanoTime() - firstBegin) / 1e6;
            double firstCpuMs = (threads.getCurrentThreadCpuTime() - firstCpu) / 1e6;
            String route = one.query().order() == SearchQuery.Order.RELEVANCE ? BenchmarkIndexes.route(search) : "position";
            double[] walls = new double[RUNS];
            double[] cpus = new double[RUNS];
            SearchPage page = null;
            for (int run = 0; run < RUNS; run++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                page = ask(search, one);
                walls[run] = (System.nanoTime() - begin) / 1e6;
                cpus[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            Arrays.sort(walls);
            Arrays.sort(cpus);
            String reference = "";
            String same = "";
            if (reference(one)) {
                long cpu = threads.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                SearchPage exhaustive = ask(everyMatch, one);
                reference = String.format(Locale.ROOT, "%.0f / %.0f", (System.nanoTime() - begin) / 1e6,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
                same = positions(exhaustive).equals(positions(page)) && java.util.Objects.equals(exhaustive.next(), page.next()) ? "yes" : "**no**";
            }
            String scanned = scan ? String.format(Locale.ROOT, "%.0f", scan(store, one.reference(), one.query().page() * one.query().pageSize())) : "-";
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f / %.1f | %.1f | %.1f | %.1f | 100 | %s | %s | %s |%n", one.name(), page.hits().size(),
                    route, first, firstCpuMs, walls[RUNS / 2], walls[RUNS - 1], cpus[RUNS / 2], reference, same, scanned);
        }
    }

    /** The worst cases and every relevance order are paired with the plain way on the same file (FTS5 ranking every match, or SQLite's own join). */
    private static boolean reference(Case one) {
        return one.query().order() == SearchQuery.Order.RELEVANCE || one.name().startsWith("worst");
    }

    private static SearchPage ask(SearchIndex index, Case one) {
        return one.after() == null ? index.search(one.query()) : index.search(one.query(), one.after());
    }

    private static List<Long> positions(SearchPage page) {
        return page.hits().stream().map(hit -> hit.position()).toList();
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
