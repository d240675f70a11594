package dev.eventscope.bench;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportGenerator;
import dev.eventscope.audit.ReportRequest;
import dev.eventscope.audit.ReportScope;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * On demand, never in CI: writes each report format over a generated ledger of about 1,000,000 events
 * and prints events per second and peak heap, and each report's CPU time beside the CPU time of a raw read and
 * decode of every event measured just before it in the same JVM (for a machine shared with others). Run with a
 * small heap to prove the memory bound:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) dev.eventscope.bench.ReportBenchmark [events] [folder] [csv,json,html,pdf]
 * </pre>
 * The ledger is built fast through one import session of synthetic three-posting entries (4 events each).
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetEvents = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path folder = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("report-benchmark");
        Path ledger = folder.resolve("benchmark.ledger");
        if (!Files.exists(ledger)) {
            long start = System.nanoTime();
            generate(ledger, targetEvents);
            System.out.printf("generated %s in %.1f s%n", ledger, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("| format | events | wall s | events/s (wall) | peak heap MB | file MB | raw read + decode, CPU s"
                + " (measured just before) | report, CPU s | ratio report / raw (CPU) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<ReportFormat> formats = args.length > 2
                ? java.util.Arrays.stream(args[2].split(",")).map(name -> ReportFormat.valueOf(name.toUpperCase(java.util.Locale.ROOT))).toList()
                : List.of(ReportFormat.values());
        for (ReportFormat format : formats) {
            Path out = folder.resolve("benchmark." + format.extension());
            // the reference, in the same JVM just before: CPU time of reading and decoding every event
            double rawCpu = rawReadCpuSeconds(ledger);
            resetPeaks();
            System.gc();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            long events;
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
                 OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                ReportRequest request = new ReportRequest(ledger, ReportScope.wholeLedger(), format, PaperSize.A4,
                        "benchmark", Instant.now(), ZoneOffset.UTC, "benchmark");
                events = ReportGenerator.create().write(store, request, stream, (phase, done, total) -> { }).rowsWritten();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double reportCpu = (processCpuNanos() - cpu) / 1e9;
            System.out.printf("| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.2f | %.2f | %.2f |%n", format.extension(), events, seconds,
                    events / seconds, peakHeap() / 1048576.0, Files.size(out) / 1048576.0, rawCpu, reportCpu, reportCpu / rawCpu);
        }
        System.out.printf("max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void generate(Path ledger, long targetEvents) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            LedgerCommandService service = LedgerCommandService.create(store);
            List<AccountName> accounts = List.of(AccountName.of("assets:bank"), AccountName.of("income:sales"),
                    AccountName.of("expenses:rent"), AccountName.of("expenses:travel"), AccountName.of("liabilities:vat"));
            try (ImportSession session = service.beginImport(CommandContext.byUser("generator"))) {
                session.execute(new CreateLedger("Benchmark Ltd", "EUR"));
                for (AccountName account : accounts) {
                    session.execute(new OpenAccount(account, LocalDate.of(2020, 1, 1), null));
                }
                LocalDate day = LocalDate.of(2020, 1, 2);
                for (long entry = 1; session.eventsWritten() < targetEvents; entry++) {
                    AccountName other = accounts.get(1 + (int) (entry % 3));
                    String amount = (entry % 997) + "." + String.format("%02d", entry % 100);
                    session.execute(PostEntry.simple(EntryId.of("B" + entry), day.plusDays(entry / 500), "Synthetic entry " + entry,
                            List.of(Posting.of(accounts.get(0), Money.of(amount, "EUR")),
                                    Posting.of(other, Money.of("-" + amount, "EUR")),
                                    Posting.of(accounts.get(4), Money.of("0.00", "EUR")))));
                }
                session.commit();
            }
        }
    }

    /** CPU seconds of the process to read and decode every event of the ledger. */
    private static double rawReadCpuSeconds(Path ledger) {
        dev.eventscope.codec.EventCodec codec = dev.eventscope.application.BookkeepingCodec.create();
        long cpu = processCpuNanos();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             dev.eventscope.eventstore.EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                codec.decode(cursor.next());
            }
        }
        return (processCpuNanos() - cpu) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
