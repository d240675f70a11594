package dev.eventscope.bench;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.JournalImporter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports JOURNAL N times into fresh ledgers (LEDGER-1.ledger, ...) in one JVM and prints the importing thread's and
 * the process's CPU of each: the first import is what a user's costs, the later ones the same work once the JIT has
 * compiled it (session 19: about half of the first import's CPU).
 *
 * <pre>java $L -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.eventscope.bench.WarmImports JOURNAL LEDGER N</pre>
 */
public final class WarmImports {

    private WarmImports() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= rounds; i++) {
            Path ledger = Path.of(args[1] + "-" + i + ".ledger");
            Files.deleteIfExists(ledger);
            long main0 = threads.getCurrentThreadCpuTime(), proc0 = os.getProcessCpuTime();
            try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
                new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                        JournalImporter.Options.defaults(), CommandContext.byUser("bench"), ImportProgress.NONE);
            }
            System.out.printf(Locale.ROOT, "import %d: importing thread %.2f s, process %.2f s%n", i,
                    (threads.getCurrentThreadCpuTime() - main0) / 1e9, (os.getProcessCpuTime() - proc0) / 1e9);
            Files.deleteIfExists(ledger);
        }
    }
}
