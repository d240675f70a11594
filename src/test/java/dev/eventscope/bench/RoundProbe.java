package dev.eventscope.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What else happened while one side of a benchmark round ran: the server's housekeeping and the client's. One
 * monitoring connection is kept for the whole run (opening one per snapshot would fork and end a backend beside the
 * timed block). A {@link Snapshot} before and after a side's block gives, for that block: the JVM's other threads'
 * CPU (GC, JIT), collections, the server's own background processes' CPU (checkpointer, WAL writer, background
 * writer, autovacuum launcher and workers, including workers that ended meanwhile, through the postmaster's reaped
 * children's times), every other process's on the machine ({@code /proc/stat}), WAL bytes ({@code
 * pg_current_wal_insert_lsn}), whether a checkpoint started (its redo position moved), autovacuum and autoanalyze
 * passes over the given schemas' tables, and the asynchronous notification queue's use.
 */
final class RoundProbe implements AutoCloseable {

    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Connection monitor;
    private final String schemas;
    private final long postmaster;

    /** @param schemas the schemas whose tables' autovacuum passes count, as an SQL list of literals */
    RoundProbe(Connection monitor, String schemas) throws SQLException {
        this.monitor = monitor;
        this.schemas = schemas;
        this.postmaster = parent(ServerCpu.backendPid(monitor));
    }

    /** Everything a block is measured by, at one instant. */
    record Snapshot(long threadNanos, long jvmNanos, long collections, long collectionMillis, long jitMillis, long backgroundNanos,
                    long machineTicks, long wal, long redo, long autovacuums, double notifyQueue) {
    }

    /** What happened between two snapshots, per side's block. */
    record Block(double otherJvmMicros, long collections, long collectionMillis, long jitMillis, double backgroundMicros,
                 double machineMillis, long walBytes, boolean checkpoint, long autovacuums, double notifyQueue) {

        String describe(int appends) {
            return String.format("jvm-other %.0f µs, gc %d (%d ms), jit %d ms, server-bg %.0f µs, machine %.0f ms busy, WAL %.0f B/append%s%s,"
                            + " notify queue %.4f%%", otherJvmMicros, collections, collectionMillis, jitMillis, backgroundMicros, machineMillis,
                    (double) walBytes / appends, checkpoint ? ", CHECKPOINT" : "", autovacuums > 0 ? ", AUTOVACUUM x" + autovacuums : "",
                    notifyQueue * 100);
        }
    }

    Snapshot snapshot() throws SQLException {
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            collections += collector.getCollectionCount();
            collectionMillis += collector.getCollectionTime();
        }
        long background = 0;
        List<Long> pids = new ArrayList<>();
        try (Statement statement = monitor.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type <> 'client backend'")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        }
        for (long pid : pids) {
            background += ServerCpu.processNanos(pid);
        }
        background += reapedChildrenTicks(postmaster) * 10_000_000L;
        try (Statement statement = monitor.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text,"
                     + " (SELECT redo_lsn FROM pg_control_checkpoint())::text,"
                     + " (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables"
                     + " WHERE schemaname IN (" + schemas + ")), pg_notification_queue_usage()")) {
            row.next();
            return new Snapshot(THREADS.getCurrentThreadCpuTime(), SYSTEM.getProcessCpuTime(), collections, collectionMillis,
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), background, machineBusyTicks(), lsn(row.getString(1)), lsn(row.getString(2)), row.getLong(3), row.getDouble(4));
        }
    }

    /** What happened since {@code before} beside the appending thread's own work. */
    Block since(Snapshot before) throws SQLException {
        Snapshot now = snapshot();
        long thread = now.threadNanos - before.threadNanos;
        return new Block((now.jvmNanos - before.jvmNanos - thread) / 1e3, now.collections - before.collections,
                now.collectionMillis - before.collectionMillis, now.jitMillis - before.jitMillis, (now.backgroundNanos - before.backgroundNanos) / 1e3,
                (now.machineTicks - before.machineTicks) * 10.0, now.wal - before.wal, now.redo != before.redo,
                now.autovacuums - before.autovacuums, now.notifyQueue);
    }

    /** Each table's housekeeping so far (HOT updates, dead rows, vacuum and analyze passes, by hand and by autovacuum). */
    String tables() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = monitor.createStatement();
             ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_hot_upd,"
                     + " n_dead_tup, vacuum_count, autovacuum_count, analyze_count, autoanalyze_count,"
                     + " pg_relation_size(relid), pg_indexes_size(relid) FROM pg_stat_all_tables WHERE schemaname IN ("
                     + schemas + ") ORDER BY 1")) {
            while (rows.next()) {
                text.append(String.format("%s: %d inserted, %d updated (%d HOT), %d dead; vacuum %d + auto %d, analyze %d"
                                + " + auto %d; heap %d B, indexes %d B%n", rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9),
                        rows.getLong(10), rows.getLong(11)));
            }
        }
        return text.toString();
    }

    private static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) + Long.parseLong(text.substring(slash + 1), 16);
    }

    private static long parent(long pid) {
        return Long.parseLong(statFields(pid)[1]);
    }

    /** The postmaster's reaped children's user and system ticks: autovacuum workers that ended count here. */
    private static long reapedChildrenTicks(long pid) {
        String[] fields = statFields(pid);
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** {@code /proc/PID/stat}'s fields after the command name: [0] state, [1] ppid, ... [13] cutime, [14] cstime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The whole machine's busy ticks (user, nice, system, irq, softirq, steal) from {@code /proc/stat}. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        monitor.close();
    }
}
