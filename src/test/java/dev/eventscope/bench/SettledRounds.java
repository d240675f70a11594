package dev.eventscope.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The same start for every side of a benchmark's rounds (session 17), outside the timing: housekeeping that falls in
 * whichever side's block happens to run is noise, not that side's cost. Before the rounds a {@code CHECKPOINT} (the
 * benchmark then appends untimed, so that the first change of each page after it, written whole to the WAL, is paid
 * outside the rounds; it also puts the next timed checkpoint off by {@code checkpoint_timeout}); before every round a
 * collection of this JVM's heap, {@code VACUUM (ANALYZE)} of every side's tables (autovacuum and autoanalyze then find
 * nothing to do inside a round) and a wait until the JIT compilers are idle.
 */
final class SettledRounds {

    private SettledRounds() {
    }

    static void checkpoint(Connection monitor) throws SQLException {
        try (Statement statement = monitor.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** @param tables every side's tables, as {@code VACUUM} lists them */
    static void settle(Connection monitor, String tables) throws Exception {
        System.gc();
        try (Statement statement = monitor.createStatement()) {
            statement.execute("VACUUM (ANALYZE) " + tables);
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compiled = jit.getTotalCompilationTime();
        for (int wait = 0; wait < 40; wait++) { // at most 2 s: a loaded machine's JIT may never be idle for 50 ms
            Thread.sleep(50);
            long now = jit.getTotalCompilationTime();
            if (now == compiled) {
                return;
            }
            compiled = now;
        }
    }
}
