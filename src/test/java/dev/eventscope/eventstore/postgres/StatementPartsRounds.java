package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What each part of the one-event append costs its server backend (session 16, docs/postgresql.md): the store's
 * own one-event statement ({@link OneStreamAppend}, the path {@code store.append} takes for one event at an exact
 * version) on ledgers of one server that differ in one part each — the real statement with its {@code pg_notify}
 * left out or made conditional, the ledger without its forward-only trigger — each variant on its own ledger and
 * connection, in rounds whose order rotates every round and turns round every other, so a shared machine's load
 * falls on every variant alike. Per variant: its backend's CPU per append ({@code /proc/PID/schedstat}), the
 * appending thread's CPU, and per round the saving against "as is" with the rounds it was cheaper in; "as is,
 * again" is the same as the first row on a ledger of its own: how far two equal variants drift apart. The
 * references that leave a promise out are measurements only, never a store. The variants are made by editing the
 * store's statement text (reflection on {@link OneStreamAppend}'s statements, so the text measured is the store's)
 * and by {@code ALTER}s of the variant's ledger. No one listens on the server. On demand, from
 * {@code bench/run.sh OneEventStatementParts [appends per variant and round, default 300] [rounds, default 41] [21 or 21u]}.
 */
public final class StatementPartsRounds {

    private static final String DATA = "{\"entry\":\"JE-2025-1\",\"amount\":\"12.50\",\"commodity\":\"EUR\","
            + "\"description\":\"Office supplies, invoice 1\",\"others\":[\"liabilities:payable\",\"expenses:office\"]}";
    private static final EventMetadata METADATA = new EventMetadata("bench", "c", null, "PostEntry");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> STATEMENTS = List.of("firstEvent", "nextEvent", "nextEventByKey", "nextEventOfWritten");
    private static final int WARM_UP = 3_000;
    /** The advisory lock's first key (a listener would hold it shared; none does here). */
    private static final int LISTENER_LOCK = 0x45534c4e;

    private StatementPartsRounds() {
    }

    /** One variant: its name, how its statement text differs (null: not at all), and what its ledger has dropped. */
    private record Variant(String name, UnaryOperator<String> edit, String alter) {
    }

    /** A variant at work: its statement, its backend, its stream and next version. */
    private record Running(Variant variant, OneStreamAppend append, long backend, StreamId stream, long[] next) {
    }

    private static List<Variant> variants(String schema) {
        String announce = PostgresSchema.announce(schema, "position");
        // schema version 2's forward-only trigger, which version 3 (session 24) no longer creates
        String trigger = PostgresSchema.legacyHeadGuard(schema + ".") + "; CREATE TRIGGER head_moves_forward AFTER UPDATE ON "
                + schema + ".ledger_head FOR EACH ROW WHEN (NEW.position < OLD.position OR NEW.recorded_at < OLD.recorded_at)"
                + " EXECUTE FUNCTION " + schema + ".head_moves_forward()";
        return List.of(
                new Variant("as is", null, null),
                new Variant("without pg_notify (reference: the notification's cost)", sql -> sql.replace(announce, "NULL::void"), null),
                new Variant("pg_notify only while a listener holds an advisory lock shared (none does)",
                        sql -> sql.replace(announce, "CASE WHEN pg_catalog.pg_try_advisory_xact_lock(" + LISTENER_LOCK + ", "
                                + schema.hashCode() + ") THEN NULL ELSE " + announce + " END"), null),
                new Variant("with version 2's head_moves_forward (reference: the forward-only trigger's cost, which version 3"
                        + " saves)", null, trigger),
                new Variant("sha256 left out (reference: its input cut to 32 bytes instead)",
                        sql -> sql.replace("hash = sha256(", "hash = substring(").replace("|| ?::bytea), recorded_at",
                                "|| ?::bytea from 1 for 32), recorded_at"), null),
                new Variant("the head keeps no prev_hash (reference: the event's prev_hash taken from the new hash)",
                        StatementPartsRounds::withoutHeadPrevHash, null),
                new Variant("the server's clock not read (reference: 0 instead, so the head's recorded time)",
                        sql -> sql.replace(SERVER_CLOCK, "0::bigint"), null),
                new Variant("all of the above left out (reference: what is left of the statement)",
                        sql -> withoutHeadPrevHash(sql).replace(announce, "NULL::void").replace(SERVER_CLOCK, "0::bigint")
                                .replace("hash = sha256(", "hash = substring(").replace("|| ?::bytea), recorded_at",
                                        "|| ?::bytea from 1 for 32), recorded_at"), null),
                new Variant("as is, again (control)", null, null));
    }

    /**
     * Session 21's candidates (third argument {@code 21}): the event id's unique key in the "C" collation (the server's
     * default collation compares text by the C library's {@code strcoll}), the head's page pruned sooner (a lower fill
     * factor), and the head found by a sequential scan of its page(s) instead of its primary key's index.
     */
    private static List<Variant> session21(String schema) {
        String collate = "ALTER TABLE " + schema + ".events ALTER COLUMN event_id TYPE text COLLATE \"C\"";
        String fill = "ALTER TABLE " + schema + ".ledger_head SET (fillfactor = 20)";
        return List.of(
                new Variant("as is", null, null),
                new Variant("event_id in the \"C\" collation", null, collate),
                new Variant("the head's page pruned sooner (fillfactor 20)", null, fill),
                new Variant("both", null, collate + "; " + fill),
                new Variant("the head by a sequential scan (not taken: see docs/postgresql.md, session 21)",
                        sql -> sql.replace("WHERE h.id = 1 RETURNING", "WHERE h.id + 0 = 1 RETURNING"), null),
                new Variant("as is, again (control)", null, null));
    }

    private static final String SERVER_CLOCK = "(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000)::bigint";

    /** The head's update without writing {@code prev_hash}: the insert is given the new hash in its place (a reference only). */
    private static String withoutHeadPrevHash(String sql) {
        String kept = sql.replaceFirst(" prev_hash = (CASE WHEN h\\.position = 0 THEN '[^']*'::bytea ELSE h\\.hash END|h\\.hash),", "")
                .replace("RETURNING h.position, h.prev_hash, h.hash", "RETURNING h.position, h.hash AS prev_hash, h.hash");
        if (kept.contains("prev_hash =")) {
            throw new IllegalStateException("the head's prev_hash is no longer set as this variant expects; update the variant");
        }
        return kept;
    }

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 300;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 41;
        boolean session21 = arguments.length > 2 && arguments[2].startsWith("21");
        // "21u": random UUIDs for event ids, as the application makes them (IdGenerator), in place of stream-version
        randomIds = arguments.length > 2 && arguments[2].equals("21u");
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = on");
        }
        List<Running> running = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            // each variant names its own ledger's schema in its statement, so the list is made once per ledger
            int variants = (session21 ? session21("any") : variants("any")).size();
            for (int index = 0; index < variants; index++) {
                PostgresLedgerUrl url = TestPostgres.freshLedger();
                Variant variant = (session21 ? session21(url.schema()) : variants(url.schema())).get(index);
                if (variant.alter() != null) {
                    try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
                        statement.execute(variant.alter());
                    }
                }
                Connection connection = PostgresConnections.open(url, PostgresOptions.defaults());
                connections.add(connection);
                OneStreamAppend append = new OneStreamAppend(connection, url.schema(), Optional.empty());
                if (variant.edit() != null) {
                    edit(append, variant.edit(), variant.name());
                }
                running.add(new Running(variant, append, backendPid(connection), StreamId.of("parts-" + (index + 1)), new long[] {0}));
            }
            System.err.println("warming up, " + WARM_UP + " appends per variant");
            for (Running variant : running) {
                for (int i = 0; i < WARM_UP; i++) {
                    append(variant);
                }
            }
            int n = running.size();
            double[][] server = new double[n][rounds];
            double[][] thread = new double[n][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < n; k++) {
                    int v = round % 2 == 0 ? (k + round / 2) % n : (n - 1 - k + round / 2) % n;
                    Running variant = running.get(v);
                    long backend = nanos(variant.backend());
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < count; i++) {
                        append(variant);
                    }
                    thread[v][round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / count;
                    server[v][round] = (nanos(variant.backend()) - backend) / 1e3 / count;
                }
                if ((round + 1) % 10 == 0 || round + 1 == rounds) {
                    System.err.println("round " + (round + 1) + " of " + rounds);
                }
            }
            print(running, server, thread, count, rounds);
        } finally {
            connections.forEach(PostgresConnections::closeQuietly);
        }
    }

    /** Replaces the one-event statements' text of {@code append} by their edited text; refuses an edit that changes nothing. */
    private static void edit(OneStreamAppend append, UnaryOperator<String> edit, String variant) throws ReflectiveOperationException {
        for (String name : STATEMENTS) {
            Field field = OneStreamAppend.class.getDeclaredField(name);
            field.setAccessible(true);
            String before = (String) field.get(append);
            String after = edit.apply(before);
            if (after.equals(before)) {
                throw new IllegalStateException(variant + ": the store's statement " + field.getName() + " no longer has the part"
                        + " this variant changes; update the variant");
            }
            field.set(append, after);
        }
    }

    private static boolean randomIds;

    private static void append(Running variant) throws SQLException {
        long version = variant.next()[0];
        String id = randomIds ? java.util.UUID.randomUUID().toString() : variant.stream().value() + "-" + version;
        NewEvent event = new NewEvent(id, "PostingRecorded", 1, DATA, METADATA);
        ExpectedVersion expected = version == 0 ? new ExpectedVersion.NoStream() : ExpectedVersion.exactly(version);
        if (variant.append().tryAppend(new StreamAppend(variant.stream(), expected, List.of(event))) == null) {
            throw new IllegalStateException(variant.variant().name() + ": the append at version " + version + " was refused");
        }
        variant.next()[0]++;
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The process's scheduler run time in nanoseconds (the embedded server runs on this machine). */
    private static long nanos(long pid) throws java.io.IOException {
        return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).trim().split(" ")[0]);
    }

    private static void print(List<Running> running, double[][] server, double[][] thread, int count, int rounds) {
        System.out.println("| one-event statement, " + rounds + " rounds of " + count + " appends per variant | server CPU µs"
                + " per append (own backend), median (lowest–highest round) | appending thread CPU µs | saving against"
                + " \"as is\" per round, µs: median (lowest–highest) | rounds cheaper than \"as is\" |");
        System.out.println("|---|---|---|---|---|");
        for (int v = 0; v < running.size(); v++) {
            double[] saving = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                saving[round] = server[0][round] - server[v][round];
            }
            long cheaper = Arrays.stream(saving).filter(s -> s > 0).count();
            System.out.printf("| %s | %s | %.1f | %s | %s |%n", running.get(v).variant().name(), spread(server[v]),
                    median(thread[v]), v == 0 ? "—" : spread(saving), v == 0 ? "—" : cheaper + " of " + rounds);
        }
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.1f (%.1f–%.1f)", median(values), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
