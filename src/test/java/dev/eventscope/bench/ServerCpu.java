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
 * times; the embedded server runs on this machine), both in nanoseconds: the scheduler's run time of each
 * backend where the kernel gives it ({@code /proc/PID/schedstat}), else 10 ms ticks (then measure at least a few
 * hundred milliseconds of work).
 */
final class ServerCpu {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ServerCpu() {
    }

    /** {client JVM, server backends} CPU nanoseconds now. */
    static long[] now() throws Exception {
        try (Connection admin = TestPostgres.admin()) {
            return now(admin);
        }
    }

    /**
     * {client JVM, server backends} CPU nanoseconds now, the backends listed through {@code monitor}, a connection kept
     * open: a connection opened per call forks a backend before a timed block and ends one during it.
     */
    static long[] now(Connection monitor) throws Exception {
        return new long[] {SYSTEM.getProcessCpuTime(), backendNanos(monitor)};
    }

    /** This JVM's CPU nanoseconds (every thread), without asking the server. */
    static long jvmNanos() {
        return SYSTEM.getProcessCpuTime();
    }

    /** {client, server} CPU nanoseconds since {@code before}. */
    static long[] since(long[] before) throws Exception {
        long[] now = now();
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    /** {client, server} CPU nanoseconds since {@code before}, through {@code monitor} ({@link #now(Connection)}). */
    static long[] since(Connection monitor, long[] before) throws Exception {
        long[] now = now(monitor);
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    /** CPU nanoseconds of every live client backend of the server but the one asking. */
    private static long backendNanos(Connection monitor) throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Statement statement = monitor.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        long nanos = 0;
        for (long pid : pids) {
            nanos += processNanos(pid);
        }
        return nanos;
    }

    /** The server process (backend) of {@code connection}; it commits nothing (the query only reads). */
    static long backendPid(Connection connection) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The summed CPU nanoseconds of the processes {@code pids} ({@link #processNanos}). */
    static long processNanos(long[] pids) {
        long nanos = 0;
        for (long pid : pids) {
            nanos += processNanos(pid);
        }
        return nanos;
    }

    /**
     * One process's CPU nanoseconds: its scheduler's run time ({@code /proc/PID/schedstat}, nanoseconds), else its
     * user and system times ({@code /proc/PID/stat}, 10 ms ticks); 0 when it has ended meanwhile.
     */
    static long processNanos(long pid) {
        try {
            String schedstat = Files.readString(Path.of("/proc/" + pid + "/schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (java.io.IOException | RuntimeException noSchedstat) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // USER_HZ is 100 on Linux
            } catch (java.io.IOException gone) {
                return 0; // the backend ended meanwhile
            }
        }
    }
}
