package dev.eventscope.bench;

import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportGenerator;
import dev.eventscope.audit.ReportRequest;
import dev.eventscope.audit.ReportScope;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One report format written again and again, each time when told (on demand, never in CI): bench/paired-rounds.py
 * runs two builds' JVMs and lets them take turns, so the load of a shared machine falls on both alike.
 * <pre>
 * bench/paired-rounds.py 6 "report CPU s,report wall s" \
 *   ref 'java -Xmx256m -cp REF_CLASSES dev.eventscope.bench.ReportRounds 6 /tmp/ref/benchmark.ledger json' \
 *   now 'java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.eventscope.bench.ReportRounds 6 /tmp/now/benchmark.ledger json'
 * </pre>
 * Prints "ready", then for each line "go" writes the report of the whole ledger (beside the ledger, overwritten) and
 * prints "round N CPU WALL": the process's CPU seconds (every thread) and the wall seconds of the report.
 */
public final class ReportRounds {

    private ReportRounds() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path ledger = Path.of(args[1]);
        ReportFormat format = ReportFormat.valueOf(args[2].toUpperCase(Locale.ROOT));
        Path out = ledger.resolveSibling("rounds." + format.extension());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (int round = 1; round <= rounds; round++) {
            String command = commands.readLine();
            if (command == null || !command.strip().equals("go")) {
                return;
            }
            System.gc();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
                 OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                ReportRequest request = new ReportRequest(ledger, ReportScope.wholeLedger(), format, PaperSize.A4,
                        "benchmark", Instant.now(), ZoneOffset.UTC, "benchmark");
                ReportGenerator.create().write(store, request, stream, (phase, done, total) -> { });
            }
            System.out.printf(Locale.ROOT, "round %d %.3f %.3f%n", round, (processCpuNanos() - cpu) / 1e9,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
