package dev.eventscope.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where the time of a relevance-ordered search on common words goes (run on demand, never in CI), on the index file
 * {@code SearchBenchmark} built: each way of asking, alternated in every run so that load hits them alike.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.eventscope.bench.RelevanceProfile INDEX-FILE [RUNS]
 * </pre>
 */
public final class RelevanceProfile {

    private RelevanceProfile() {
    }

    public static void main(String[] args) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0] + "?open_mode=1");
        String m = "\"bank\" AND \"main\"";
        String[][] cases = {
            {"count of matches (reads every match, scores none)", "SELECT count(*) FROM search_text WHERE search_text MATCH ?"},
            {"rank (bm25) of every match, summed (no sort)", "SELECT sum(s) FROM (SELECT rank AS s FROM search_text WHERE search_text MATCH ?)"},
            {"before: join + snippet, ORDER BY rank, position LIMIT 51", "SELECT d.position, snippet(search_text, 0, '[', ']', '…', 12), search_text.rank FROM search_text CROSS JOIN search_docs d ON d.position = search_text.rowid WHERE search_text MATCH ? ORDER BY search_text.rank, d.position LIMIT 51"},
            {"after: rank only, ORDER BY rank, rowid LIMIT 51", "SELECT rowid, rank FROM search_text WHERE search_text MATCH ? ORDER BY rank, rowid LIMIT 51"},
            {"FTS5's own rank order, ORDER BY rank LIMIT 51", "SELECT rowid, rank FROM search_text WHERE search_text MATCH ? ORDER BY rank LIMIT 51"},
            {"position order, first page (reference)", "SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid LIMIT 51"},
        };
        int runs = Integer.parseInt(args.length > 1 ? args[1] : "3");
        double[][] times = new double[cases.length][runs];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < cases.length; i++) {
                long t = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement(cases[i][1])) {
                    s.setString(1, m);
                    try (ResultSet r = s.executeQuery()) { while (r.next()) { r.getObject(1); } }
                }
                times[i][run] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.println("| query (\"bank\" AND \"main\", 969,692 matches) | median (ms) | min (ms) |");
        System.out.println("|---|---:|---:|");
        for (int i = 0; i < cases.length; i++) {
            Arrays.sort(times[i]);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", cases[i][0], times[i][runs / 2], times[i][0]);
        }
    }
}
