package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchIndex;

import java.nio.file.Path;

/** For {@code SearchBenchmark}: an index file opened so that FTS5 ranks every match (the reference), and how a page was found. */
public final class BenchmarkIndexes {

    private BenchmarkIndexes() {
    }

    /**
     * The index with relevance order always left to FTS5 ({@code ORDER BY rank, rowid} over every match) and position order
     * to SQLite's plain join of the full-text match and the filters.
     */
    public static SearchIndex rankingEveryMatch(Path file) {
        return SqliteSearchIndex.open(file, Long.MAX_VALUE, 0, 0, false, dev.eventscope.projection.search.IndexingProgress.NONE);
    }

    /** Waits until the index has loaded what it loads off the opener's thread (its documents' lengths); returns the wait in ms. */
    public static double awaitWarm(SearchIndex index) throws InterruptedException {
        long begin = System.nanoTime();
        if (index instanceof SqliteSearchIndex sqlite) {
            try {
                // by name: the benchmark also runs on older commits' classes, which load nothing off the opener's thread
                SqliteSearchIndex.class.getDeclaredMethod("awaitLengths").invoke(sqlite);
            } catch (ReflectiveOperationException olderIndex) {
                // nothing to wait for
            }
        }
        return (System.nanoTime() - begin) / 1e6;
    }

    /** How the index's last relevance-ordered page was found ("-" for an index of another kind or none yet). */
    public static String route(SearchIndex index) {
        if (index instanceof SqliteSearchIndex sqlite && sqlite.lastRelevanceRoute() != null) {
            String route = sqlite.lastRelevanceRoute().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return sqlite.lastRelevanceRead() == 0 ? route : String.format(java.util.Locale.ROOT, "%s (%,d scored)", route, sqlite.lastRelevanceRead());
        }
        return "-";
    }
}
