package dev.eventscope.ui.state;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.timeline.LedgerTimeMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * On demand, never in CI: the thread CPU time of a whole-ledger slider jump outside the UI ({@link WholeLedgerRows#at} and
 * {@link WholeLedgerRows#trialBalance}, what the state panel asks per move) over random jumps of a big ledger, seeded, so
 * that two builds run side by side give a paired figure:
 * <pre>
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.eventscope.ui.state.WholeLedgerJumpProbe LEDGER 300
 * </pre>
 * Account sections come from the names (no per-account type read), so the figure is the computation alone.
 */
public final class WholeLedgerJumpProbe {

    private WholeLedgerJumpProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int jumps = Integer.parseInt(args[1]);
        SqliteEventStore store = SqliteEventStore.open(file);
        LedgerSession session = TestSessions.of(file, store);
        LedgerTimeMachine machine = LedgerTimeMachine.open(session);
        WholeLedgerRows rows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), WholeLedgerRows.SMALL_MOVE);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long last = store.lastPosition();
        java.util.Random random = new java.util.Random(42);
        rows.at(new Point.AtPosition(last));
        long[] cpu = new long[jumps];
        long[] wall = new long[jumps];
        for (int i = 0; i < jumps; i++) {
            long p = random.nextLong(last + 1);
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            rows.at(new Point.AtPosition(p));
            rows.trialBalance();
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - t;
        }
        long total = Arrays.stream(cpu).sum();
        long[] warm = Arrays.copyOfRange(cpu, 50, jumps);
        Arrays.sort(warm);
        Arrays.sort(wall);
        System.out.printf("jumps %d: thread CPU mean %.2f ms (all), after the first 50: mean %.2f, p50 %.2f, p99 %.2f ms; wall p50 %.1f p99 %.1f ms%n",
                jumps, total / 1e6 / jumps, Arrays.stream(warm).sum() / 1e6 / warm.length, warm[warm.length / 2] / 1e6,
                warm[(int) (warm.length * 0.99)] / 1e6, wall[jumps / 2] / 1e6, wall[(int) (jumps * 0.99)] / 1e6);
        System.exit(0);
    }
}
