package dev.eventscope.eventstore.sqlite;

/** Measurement only: the writer thread's CPU per phase of an append (not a product class). */
public final class PhaseClock {
    public static final String[] NAMES = {"begin+data_version", "checks (known, surelyNew)", "selectHead", "(unused)",
            "loop: hash+binds+addBatch+maps", "executeBatch", "writeHead", "COMMIT", "after commit (putAll, checkpointer)",
            "requireDistinctStreams", "after batch (raise, AppendResult)", "harness: building the appends", "calls"};
    public static final long[] NANOS = new long[NAMES.length];
    private static final java.lang.management.ThreadMXBean BEAN = java.lang.management.ManagementFactory.getThreadMXBean();
    public static long now() {
        return BEAN.getCurrentThreadCpuTime();
    }
    public static void reset() {
        java.util.Arrays.fill(NANOS, 0);
    }
}
