import dev.eventscope.eventstore.*;
import dev.eventscope.eventstore.sqlite.*;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.List;

/** Single-event appends at exact versions through the SQLite store: calling thread's CPU µs and wall µs per append. */
public class SingleAppends {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("single");
        Path ledger = dir.resolve("l.ledger");
        SqliteOptions options = SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.NORMAL);
        SqliteEventStore.open(ledger, options).close();
        var threads = ManagementFactory.getThreadMXBean();
        try (EventStore store = SqliteEventStore.open(ledger, options)) {
            StreamId stream = StreamId.of("account-assets:bank");
            long v = 0;
            for (int round = 0; round < 2; round++) { // round 0 warms up
                long cpu = threads.getCurrentThreadCpuTime(), wall = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    store.append(stream, v == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(v),
                            List.of(new NewEvent("e-" + round + "-" + i, "PostingRecorded", 1, "{\"amount\":\"12.50\",\"n\":" + i + "}",
                                    new EventMetadata("bench", "c", null, "PostEntry"))));
                    v++;
                }
                if (round == 1) {
                    System.out.printf("%.1f %.1f%n", (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n, (System.nanoTime() - wall) / 1e3 / n);
                }
            }
        }
    }
}
