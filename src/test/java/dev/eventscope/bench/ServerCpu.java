package dev.eventscope.bench;

import dev.eventscope.eventstore.postgres.TestPostgres;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time for the benchmarks, which the load of a shared machine does not enter as it enters wall time:
 * this JVM's (every thread, GC and JIT included) and the server's client backends' (their {@code /proc}
 * times; the embedded server runs on this machine), both in nanoseconds. 10 ms resolution on the server's
 * side, so measure at least a few hundred milliseconds of work.
 */
final class ServerCpu {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ServerCpu() {
    }

    /** {client JVM, server backends} CPU nanoseconds now. */
    static long[] now() throws Exception {
        return new long[] {SYSTEM.getProcessCpuTime(), backendNanos()};
    }

    /** {client, server} CPU nanoseconds since {@code before}. */
    static long[] since(long[] before) throws Exception {
        long[] now = now();
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    /** CPU nanoseconds of every live client backend of the server but the one asking. */
    private static long backendNanos() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException gone) {
                // the backend ended meanwhile
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }
}
