package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.PostgresOptions;
import dev.eventscope.eventstore.postgres.TestPostgres;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL ledger's read models live in a local cache file per user and ledger id, caught up from the
 * server: {@code balance} and {@code trial-balance} answer from them (the same answer as {@code --replay}),
 * an auditor login that may only read builds and uses them, and a cache of another ledger id is never used.
 */
class ServerLedgerReadModelsTest {

    private static final String JOURNAL = """
            2025-01-02 * Opening
                assets:bank        1,000.00 EUR
                equity:opening
            2025-01-10 Sale
                assets:bank          250.00 EUR
                income:sales
            """;

    @TempDir
    Path folder;

    private static TestBootstrap.Run run(String... args) {
        return TestBootstrap.run(args);
    }

    @AfterEach
    void forgetThePasswordFile() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    private PostgresLedgerUrl importedLedger(String journal) throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshUrl();
        assertEquals(0, run("init", "--ledger", url.toString()).exitCode());
        Path file = folder.resolve("books-" + url.schema() + ".journal");
        Files.writeString(file, journal);
        TestBootstrap.Run imported = run("import", file.toString(), "--ledger", url.toString(), "--user", "alice");
        assertEquals(0, imported.exitCode(), imported.err());
        return url;
    }

    private static String ledgerId(PostgresLedgerUrl url) {
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults(), true)) {
            return store.ledgerId();
        }
    }

    private static long lastPosition(PostgresLedgerUrl url) {
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults(), true)) {
            return store.lastPosition();
        }
    }

    /** Each projection's checkpoint in a cache file, and the ledger id it records. */
    private static List<String> cacheContents(Path cache) throws Exception {
        List<String> contents = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cache);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT value FROM cache_identity WHERE key = 'ledger_id'")) {
                contents.add("ledger " + (rows.next() ? rows.getString(1) : "?"));
            }
            try (ResultSet rows = statement.executeQuery("SELECT name, position FROM projection_state ORDER BY name")) {
                while (rows.next()) {
                    contents.add(rows.getString(1) + "@" + rows.getLong(2));
                }
            }
        }
        return contents;
    }

    private static List<String> checkpointsAt(String ledgerId, long position) {
        return List.of("ledger " + ledgerId, "activity@" + position, "balances@" + position, "event_counts@" + position,
                "event_stamps@" + position, "journal@" + position);
    }

    private static void assertSameAsReplay(String url, String... point) {
        for (String command : new String[] {"balance", "trial-balance"}) {
            List<String> args = new ArrayList<>(List.of(command, "--ledger", url, "--format", "csv"));
            args.addAll(List.of(point));
            TestBootstrap.Run fast = run(args.toArray(String[]::new));
            args.add("--replay");
            TestBootstrap.Run replay = run(args.toArray(String[]::new));
            assertEquals(0, fast.exitCode(), fast.err());
            assertEquals(0, replay.exitCode(), replay.err());
            assertEquals(replay.out(), fast.out(), String.join(" ", args));
        }
    }

    @Test
    @DisplayName("given a server ledger, when balance asks, then its read models are built in the user's cache and"
            + " caught up after another writer appends")
    void balance_answers_from_a_local_cache_that_catches_up() throws Exception {
        PostgresLedgerUrl url = importedLedger(JOURNAL);
        Path cache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(url), url.effectiveUser());
        assertFalse(Files.exists(cache));

        TestBootstrap.Run balance = run("balance", "--ledger", url.toString(), "--format", "csv");
        assertEquals(0, balance.exitCode(), balance.err());
        assertMentions(balance.out(), "assets:bank,EUR,1250", "income:sales,EUR,-250");
        long head = lastPosition(url);
        assertEquals(checkpointsAt(ledgerId(url), head), cacheContents(cache));
        assertSameAsReplay(url.toString());
        assertSameAsReplay(url.toString(), "--as-of", "2025-01-05");

        // another desktop (here the command line as bob) appends; the next question catches the cache up
        TestBootstrap.Run posted = run("post", "--ledger", url.toString(), "--date", "2025-02-05", "--description", "Capital",
                "--posting", "assets:bank  300 EUR", "--posting", "equity:opening", "--user", "bob");
        assertEquals(0, posted.exitCode(), posted.err());
        assertTrue(lastPosition(url) > head);
        TestBootstrap.Run after = run("trial-balance", "--ledger", url.toString(), "--format", "csv");
        assertEquals(0, after.exitCode(), after.err());
        assertMentions(after.out(), "1300");
        assertMentions(run("balance", "--ledger", url.toString(), "--format", "csv").out(), "assets:bank,EUR,1550");
        assertEquals(checkpointsAt(ledgerId(url), lastPosition(url)), cacheContents(cache));
        assertSameAsReplay(url.toString());

        // the register lines show who recorded each posting, kept in the cache beside the register
        try (LedgerSession session = new LedgerSessions(new LedgerStores(), new ReadModelStores(), new dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory())
                .openReadOnly(Path.of(url.toString()))) {
            session.projections().open(dev.eventscope.projection.ProgressListener.NONE);
            assertEquals(cache.toAbsolutePath().toString(), session.readModelsLocation());
            List<String> who = session.queries().accountRegister("assets:bank", null, 0, Long.MAX_VALUE).stream()
                    .map(line -> line.user() + " " + line.command()).toList();
            assertEquals(3, who.size(), who.toString());
            assertTrue(who.get(0).startsWith("alice "), who.toString());
            assertEquals("bob PostEntry", who.get(2));
        }
        TestBootstrap.Run state = run("state", "--ledger", url.toString(), "--stream", "account-assets:bank");
        assertEquals(0, state.exitCode(), state.err());
    }

    @Test
    @DisplayName("given an auditor login that may only read, when it asks for balances, then it builds its cache"
            + " and the server is not written")
    void an_auditor_that_may_only_read_builds_and_uses_the_cache() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(),
                "logins with passwords are set up on the embedded server, and on an external one with its password rules");
        PostgresLedgerUrl url = importedLedger(JOURNAL);
        assertEquals(0, run("init", "--ledger", TestPostgres.freshUrl().toString()).exitCode()); // an unrelated ledger
        List<String> roles = PostgresEventStore.grantRoles(url, PostgresOptions.defaults());
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS es_cache_viewer");
            statement.execute("CREATE ROLE es_cache_viewer LOGIN PASSWORD 'viewer-password' IN ROLE " + roles.get(1));
        }
        Path pgpass = folder.resolve("pgpass");
        Files.writeString(pgpass, "*:*:*:es_cache_viewer:viewer-password\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        PostgresLedgerUrl auditor = new PostgresLedgerUrl("es_cache_viewer", url.host(), url.port(), url.database(), url.schema());
        String before = serverFootprint(url);

        TestBootstrap.Run balance = run("balance", "--ledger", auditor.toString(), "--format", "csv");
        assertEquals(0, balance.exitCode(), balance.err());
        assertMentions(balance.out(), "assets:bank,EUR,1250");
        Path cache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(url), "es_cache_viewer");
        assertEquals(checkpointsAt(ledgerId(url), lastPosition(url)), cacheContents(cache));
        assertSameAsReplay(auditor.toString(), "--as-of", "2025-01-05");
        TestBootstrap.Run state = run("state", "--ledger", auditor.toString(), "--stream", "account-income:sales");
        assertEquals(0, state.exitCode(), state.err());
        assertEquals(before, serverFootprint(url));
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP OWNED BY es_cache_viewer");
            statement.execute("DROP ROLE es_cache_viewer");
        }
    }

    /** The ledger's head and every table of its schema: what any write to the server would change. */
    private static String serverFootprint(PostgresLedgerUrl url) throws Exception {
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT position || ' ' || encode(hash, 'hex') FROM " + url.schema()
                     + ".ledger_head), (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables"
                     + " WHERE table_schema = '" + url.schema() + "'), (SELECT count(*) FROM " + url.schema() + ".snapshots)")) {
            assertTrue(rows.next());
            return rows.getString(1) + " | " + rows.getString(2) + " | " + rows.getLong(3);
        }
    }

    @Test
    @DisplayName("given a cache file of another ledger id, then it is never used: the ledger's own cache is built anew")
    void a_cache_of_another_ledger_id_is_never_used() throws Exception {
        PostgresLedgerUrl first = importedLedger(JOURNAL);
        assertEquals(0, run("balance", "--ledger", first.toString()).exitCode());
        Path firstCache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(first), first.effectiveUser());

        // the same URL made anew is another ledger (a new id), with other entries: its answer never comes from the old cache
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + first.schema() + " CASCADE");
        }
        assertEquals(0, run("init", "--ledger", first.toString()).exitCode());
        Path journal = folder.resolve("other.journal");
        Files.writeString(journal, """
                2025-03-01 * Opening
                    assets:cash        40.00 EUR
                    equity:opening
                """);
        assertEquals(0, run("import", journal.toString(), "--ledger", first.toString()).exitCode());
        Path secondCache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(first), first.effectiveUser());
        assertNotEquals(firstCache, secondCache);
        TestBootstrap.Run remade = run("balance", "--ledger", first.toString(), "--format", "csv");
        assertEquals(0, remade.exitCode(), remade.err());
        assertMentions(remade.out(), "assets:cash,EUR,40", "equity:opening,EUR,-40");
        assertFalse(remade.out().contains("assets:bank"), remade.out());

        // a cache file of the other ledger put where this ledger's cache belongs is removed and built anew
        PostgresLedgerUrl other = importedLedger(JOURNAL);
        assertEquals(0, run("balance", "--ledger", other.toString()).exitCode());
        Path otherCache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(other), other.effectiveUser());
        Files.copy(otherCache, secondCache, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(secondCache + suffix));
        }
        assertEquals("ledger " + ledgerId(other), cacheContents(secondCache).get(0));
        TestBootstrap.Run again = run("balance", "--ledger", first.toString(), "--format", "csv");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(remade.out(), again.out());
        assertEquals(checkpointsAt(ledgerId(first), lastPosition(first)), cacheContents(secondCache));
        assertSameAsReplay(first.toString());
    }

    @Test
    @DisplayName("given a server ledger whose cached register line was edited, when verify runs, then it names the edit"
            + " in the cache (balance showed the forged figure)")
    void a_register_line_edited_in_a_server_ledger_s_cache_is_named_by_verify() throws Exception {
        // session 19 (adversary2): verify compared the register of a ledger file and of its cache, never a server
        // ledger's cache, so an edited line there reached balance and verify said intact
        PostgresLedgerUrl url = importedLedger(JOURNAL);
        String before = run("balance", "--ledger", url.toString(), "--format", "csv").out();
        Path cache = SqliteReadModelStore.cacheFileForServerLedger(ledgerId(url), url.effectiveUser());
        assertTrue(Files.isRegularFile(cache), cache.toString());
        TestBootstrap.Run intact = run("verify", "--ledger", url.toString());
        assertEquals(dev.eventscope.cli.ExitCodes.OK, intact.exitCode(), intact.out() + intact.err());

        long position;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cache);
             Statement statement = connection.createStatement()) {
            // session 23: the register's lines are kept in blobs; the last one of its runs is edited
            position = dev.eventscope.testing.RegisterEdits.editLastRunLine(connection, line ->
                    dev.eventscope.testing.RegisterEdits.withAmounts(line,
                            new java.math.BigDecimal(line.amount()).add(java.math.BigDecimal.valueOf(1000000)).toPlainString(),
                            new java.math.BigDecimal(line.runningBalance()).add(java.math.BigDecimal.valueOf(1000000)).toPlainString()));
        }
        String after = run("balance", "--ledger", url.toString(), "--format", "csv").out();
        TestBootstrap.Run verify = run("verify", "--ledger", url.toString());

        assertNotEquals(before, after, "the forged line must reach balance, else this test shows nothing");
        assertEquals(dev.eventscope.cli.ExitCodes.TAMPERED, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "TAMPERED: the read models in " + cache, "register line at position " + position,
                "has the amount");
    }
}
