package dev.eventscope.bench;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Where a one-event append's time goes on the server: the CPU time of the writing backends (their
 * {@code /proc} times; the embedded server runs on this machine) per append, for the store's append and for
 * the plain statements it is made of, all in one run on one server, {@code synchronous_commit=on}. The
 * machine's load does not enter a CPU time, so the rows compare even on a shared machine. On demand:
 * <pre>
 * bench/run.sh PostgresAppendProfile [appends per row, default 2000]
 * </pre>
 */
public final class PostgresAppendProfile {

    private static final String DATA = "{\"amount\":\"12.50\",\"commodity\":\"EUR\",\"description\":\"a typical posting of about a hundred bytes\"}";
    private static final EventMetadata METADATA = new EventMetadata("bench", "c", null, "PostEntry");

    private PostgresAppendProfile() {
    }

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2_000;
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = on");
        }
        System.out.println("| one-event append, " + count + " times, synchronous_commit=on | server CPU µs per append"
                + " (writing backend) | client CPU µs per append (whole JVM) | wall µs |");
        System.out.println("|---|---|---|---|");
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            storeAppends(store, "warm", 300);
            for (int round = 0; round < 2; round++) {
                measure(count, "store append, one stream, exact version (one SQL statement)", () -> storeAppends(store, "a", count));
                measure(count, "store append, same through append_events (PL/pgSQL function)",
                        () -> functionAppends(store, "f", count));
            }
            measure(count, "store append, any version (one SQL statement)", () -> storeAppendsAny(store, "b", count));
            // the announcement as ledgers made before 3 December 2026 sent it: a PL/pgSQL trigger on ledger_head (the
            // statement's own pg_notify sends the same payload, which PostgreSQL then delivers once)
            try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
                int rounds = 5;
                double[][] serverCpu = new double[2][rounds];
                for (int round = 0; round < rounds; round++) {
                    serverCpu[0][round] = measure(count, "store append, exact version, NOTIFY in the statement (since 3 December)",
                            () -> storeAppends(store, "c", count));
                    statement.execute("CREATE FUNCTION " + url.schema() + ".announce_append() RETURNS trigger LANGUAGE plpgsql"
                            + " SET search_path = pg_catalog AS $$ BEGIN PERFORM pg_notify('eventscope_appends', TG_TABLE_SCHEMA"
                            + " || ' ' || NEW.position); RETURN NULL; END $$");
                    statement.execute("CREATE TRIGGER announce_append AFTER UPDATE ON " + url.schema() + ".ledger_head FOR EACH ROW"
                            + " WHEN (NEW.position > OLD.position) EXECUTE FUNCTION " + url.schema() + ".announce_append()");
                    serverCpu[1][round] = measure(count, "same, with the announce_append trigger of before (PL/pgSQL, NOTIFY)",
                            () -> storeAppends(store, "c", count));
                    statement.execute("DROP FUNCTION " + url.schema() + ".announce_append() CASCADE");
                }
                java.util.Arrays.sort(serverCpu[0]);
                java.util.Arrays.sort(serverCpu[1]);
                System.out.printf("| median of the %d rounds above, server CPU µs per append: NOTIFY in the statement / the trigger"
                        + " of before | %.0f / %.0f | | |%n", rounds, serverCpu[0][rounds / 2], serverCpu[1][rounds / 2]);
            }
        }
        try (Connection raw = TestPostgres.admin(); Statement statement = raw.createStatement()) {
            statement.execute("SET synchronous_commit = on");
            statement.execute("CREATE TABLE public.profile_plain (position bigint PRIMARY KEY, event_id text UNIQUE,"
                    + " stream text, version bigint, type text, data text, user_name text, recorded_at bigint, hash bytea)");
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO public.profile_plain VALUES (?, ?, 's', ?, 'T', ?, 'u', 0, ?)")) {
                int[] next = {0};
                measure(count, "plain INSERT of one row, autocommit", () -> {
                    for (int i = 0; i < count; i++) {
                        int n = next[0]++;
                        insert.setLong(1, n);
                        insert.setString(2, "p-" + n);
                        insert.setLong(3, n);
                        insert.setString(4, DATA);
                        insert.setBytes(5, new byte[32]);
                        insert.executeUpdate();
                    }
                });
            }
            try (PreparedStatement one = raw.prepareStatement("SELECT 1")) {
                measure(count, "SELECT 1, autocommit", () -> {
                    for (int i = 0; i < count; i++) {
                        try (ResultSet row = one.executeQuery()) {
                            row.next();
                        }
                    }
                });
            }
            try (PreparedStatement lock = raw.prepareStatement("UPDATE " + url.schema() + ".ledger_head SET position = position"
                    + " WHERE id = 1 AND false")) {
                measure(count, "an UPDATE that writes nothing, autocommit", () -> {
                    for (int i = 0; i < count; i++) {
                        lock.executeUpdate();
                    }
                });
            }
            statement.execute("DROP TABLE public.profile_plain");
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static void storeAppends(PostgresEventStore store, String prefix, int count) throws Exception {
        StreamId stream = StreamId.of("account-" + prefix);
        long from = store.streamVersion(stream);
        for (long i = from; i < from + count; i++) {
            store.append(stream, ExpectedVersion.exactly(i), List.of(event(prefix + "-" + i)));
        }
    }

    /** The same one-event appends, sent with a second, empty stream so that they take {@code append_events}. */
    private static void functionAppends(PostgresEventStore store, String prefix, int count) throws Exception {
        StreamId stream = StreamId.of("account-" + prefix);
        StreamId other = StreamId.of("account-" + prefix + "-other");
        long from = store.streamVersion(stream);
        for (long i = from; i < from + count; i++) {
            store.appendAll(List.of(new StreamAppend(stream, ExpectedVersion.exactly(i), List.of(event(prefix + "-" + i))),
                    new StreamAppend(other, ExpectedVersion.ANY, List.of())));
        }
    }

    private static void storeAppendsAny(PostgresEventStore store, String prefix, int count) throws Exception {
        StreamId stream = StreamId.of("account-" + prefix);
        for (int i = 0; i < count; i++) {
            store.append(stream, ExpectedVersion.ANY, List.of(event(prefix + "-" + i)));
        }
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "PostingRecorded", 1, DATA, METADATA);
    }

    /** Prints one row; returns the server's CPU µs per append. */
    private static double measure(int count, String what, Work work) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] before = ServerCpu.now();
        long threadBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        long thread = threads.getCurrentThreadCpuTime() - threadBefore;
        long[] cpu = ServerCpu.since(before);
        System.out.printf("| %s | %.0f | %.0f (%.0f on the appending thread) | %.0f |%n", what, cpu[1] / 1e3 / count,
                cpu[0] / 1e3 / count, thread / 1e3 / count, wall / 1e3 / count);
        return cpu[1] / 1e3 / count;
    }
}
