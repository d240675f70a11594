package dev.eventscope.bench;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.ImportSummary;
import dev.eventscope.journal.JournalImporter;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Imports JOURNAL into LEDGER (deleted first) as {@link ImportBenchmark} does, and prints the CPU seconds of each kind of
 * thread (from {@code /proc/self/task}) in the checking reading and in the rest, and the whole process's ({@code
 * /proc/self/stat}, which counts the threads that have ended: the writing and the second reading's). Session 19: two of
 * these started together, one per build, pair an import's CPU on a loaded machine (docs/benchmarks-store.md).
 *
 * <pre>java $L -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.eventscope.bench.ImportCpuByPhase JOURNAL LEDGER</pre>
 */
public final class ImportCpuByPhase {
    private ImportCpuByPhase() {
    }

    static Map<String, Double> read() throws Exception {
        Map<String, Double> byKind = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    byKind.merge(kind(comm), s, Double::sum);
                    byKind.merge("all", s, Double::sum);
                } catch (NoSuchFileException gone) { }
            }
        }
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        byKind.put("process", (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
        return byKind;
    }
    static String kind(String c) {
        if (c.startsWith("C2 Compiler")) return "C2";
        if (c.startsWith("C1 Compiler")) return "C1";
        if (c.equals("main") || c.equals("java")) return "main";
        if (c.startsWith("GC Thread") || c.startsWith("ParGC") || c.contains("GC")) return "gc";
        if (c.contains("journal-rea")) return "reader";
        if (c.contains("write") || c.contains("import-wr") || c.startsWith("eventscope-imp")) return "writer";
        return "other:" + c;
    }
    static void print(String label, Map<String, Double> a, Map<String, Double> b) {
        StringBuilder line = new StringBuilder(label);
        Set<String> keys = new TreeSet<>(b.keySet());
        for (String k : keys) {
            double d = b.getOrDefault(k, 0.0) - a.getOrDefault(k, 0.0);
            if (d >= 0.05 || k.equals("all") || k.equals("process") || k.equals("main") || k.equals("C2")) line.append(String.format(Locale.ROOT, " %s=%.2f", k, d));
        }
        System.out.println(line);
    }
    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]), ledger = Path.of(args[1]);
        Files.deleteIfExists(ledger);
        Files.deleteIfExists(Path.of(args[1] + "-wal"));
        Files.deleteIfExists(Path.of(args[1] + "-shm"));
        @SuppressWarnings("unchecked")
        Map<String, Double>[] at = new Map[3];
        at[0] = read();
        ImportProgress progress = new ImportProgress() {
            public void progress(String phase, long bytesRead, long totalBytes, long entries) {
                if (at[1] == null && phase.equals("importing")) {
                    try { at[1] = read(); } catch (Exception e) { throw new RuntimeException(e); }
                }
            }
        };
        long t0 = System.nanoTime();
        ImportSummary summary;
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            summary = new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    JournalImporter.Options.defaults(), CommandContext.byUser("bench"), progress);
        }
        at[2] = read();
        if (at[1] == null) {
            // fewer than 200 entries: the import reported no progress of its second pass
            at[1] = at[2];
        }
        System.out.printf(Locale.ROOT, "entries=%d events=%d wall=%.1f%n", summary.entries(), summary.events(), (System.nanoTime() - t0) / 1e9);
        print("checking:", at[0], at[1]);
        print("importing:", at[1], at[2]);
        print("total:", at[0], at[2]);
    }
}
