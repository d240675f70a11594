import dev.eventscope.eventstore.*;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import java.lang.management.*;
import java.nio.file.Path;
import java.util.Set;
/** Drains a ledger's catch-up cursor (readAllForProjections of every category): its read-ahead thread's CPU (docs/cli-speed.md, session 23, readside2). */
public class DrainProjectedCursor {
    public static void main(String[] a) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long h = 0, n = 0;
        long t0 = System.nanoTime();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(Path.of(a[0])); EventCursor c = store.readAllForProjections(0, Set.of())) {
            while (c.hasNext()) { RecordedEvent e = c.next(); h += e.streamId().value().length() + e.position(); n++; }
            long ra = 0;
            for (ThreadInfo ti : mx.dumpAllThreads(false, false)) {
                if (ti.getThreadName().startsWith("eventscope-read-ahead")) ra += mx.getThreadCpuTime(ti.getThreadId());
            }
            System.out.printf("events %d check %d wall %.2f s read-ahead CPU %.2f s main CPU %.2f s%n", n, h,
                    (System.nanoTime() - t0) / 1e9, ra / 1e9, mx.getCurrentThreadCpuTime() / 1e9);
        }
    }
}
