package dev.eventscope.bootstrap;

import dev.eventscope.cli.ExitCodes;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.sqlite.LedgerReadModelsAsRead;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.timetravel.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 24 (cliread): the command line's questions read the read models the app keeps inside a ledger file (read-only,
 * at one snapshot) when they are current, instead of building a copy of them in the user's cache; read models that are
 * behind, of another ledger, of an older version, missing a table, or in a file this user may not write are not used
 * (the cache as before), and every answer equals {@code --replay}'s.
 */
class CliAsksTheLedgersOwnReadModelsTest {

    @TempDir
    Path folder;

    /** A random journal imported, then opened as the desktop app opens it: its read models built inside the file. */
    private Path ledgerWithOwnReadModels(long seed) {
        Path journal = folder.resolve("random-" + seed + ".journal");
        new RandomJournalGenerator(seed, 400).outOfDateOrder().writeTo(journal);
        Path ledger = folder.resolve("random-" + seed + ".ledger");
        RealCli imported = RealCli.run("import", journal.toString(), "--ledger", ledger.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        buildOwnReadModels(ledger);
        assertFalse(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "no cache before the questions");
        return ledger;
    }

    private static void buildOwnReadModels(Path ledger) {
        try (LedgerSession app = TestSessions.SQLITE.open(ledger)) {
            app.openReadModels();
        }
    }

    private static String ask(String... args) {
        RealCli answer = RealCli.run(args);
        assertEquals(ExitCodes.OK, answer.exitCode(), String.join(" ", args) + ": " + answer.out() + answer.err());
        return answer.out();
    }

    /** The answer from the read models and the replay's, for one question; they must be the same. */
    private static void assertSameAsReplay(String... question) {
        List<String> replayed = new ArrayList<>(List.of(question));
        replayed.add("--replay");
        assertEquals(ask(replayed.toArray(String[]::new)), ask(question), String.join(" ", question));
    }

    private static String state(Path ledger) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM projection_state ORDER BY name")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    text.append(rows.getString(column)).append('|');
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    private static void change(Path ledger, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long lastPosition(Path ledger) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT max(position) FROM events")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {24L, 2401L, 2402L})
    void answers_from_the_ledger_s_own_read_models_equal_the_replay_and_build_no_cache(long seed) throws Exception {
        Path ledger = ledgerWithOwnReadModels(seed);
        String l = ledger.toString();
        String before = state(ledger);
        Random random = new Random(seed);
        LocalDate first = LocalDate.of(2024, 1, 1);
        long last = lastPosition(ledger);
        assertSameAsReplay("balance", "--ledger", l, "--format", "csv");
        for (int i = 0; i < 5; i++) {
            String date = first.plusDays(random.nextInt(760) - 10).toString();
            String position = Long.toString(1 + random.nextInt((int) last));
            assertSameAsReplay("balance", "--ledger", l, "--as-of", date, "--format", "csv");
            assertSameAsReplay("trial-balance", "--ledger", l, "--as-of", date, "--format", "csv");
            assertSameAsReplay("balance", "--ledger", l, "--at-position", position, "--format", "csv");
            assertSameAsReplay("balance", "--ledger", l, "--as-of", date, "--at-position", position, "--format", "csv");
        }

        assertFalse(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)),
                "the ledger's own read models answered: no copy of them was built in the cache");
        assertEquals(before, state(ledger), "nothing was written to the ledger's read models");
        String status = ask("projections", "--ledger", l);
        assertTrue(status.contains("Read models kept in " + ledger.toAbsolutePath()), status);
    }

    @Test
    void read_models_behind_the_ledger_are_not_caught_up_in_it_and_the_answer_counts_every_event() throws Exception {
        Path ledger = ledgerWithOwnReadModels(7);
        String l = ledger.toString();
        String[] rows = ask("balance", "--ledger", l, "--format", "csv").split("\n");
        String[] one = rows[1].split(",");
        String other = java.util.Arrays.stream(rows).skip(1).map(row -> row.split(",")[0])
                .filter(account -> !account.equals(one[0])).findFirst().orElseThrow();
        String unchanged = ask("balance", "--ledger", l, "--as-of", "2024-04-30", "--format", "csv");
        RealCli post = RealCli.run("post", "--ledger", l, "--date", "2024-03-31", "--description", "late fee",
                "--posting", one[0] + "  2.50 " + one[1], "--posting", other);
        assertEquals(ExitCodes.OK, post.exitCode(), post.err());
        String before = state(ledger);

        String balances = ask("balance", "--ledger", l, "--as-of", "2024-04-30", "--format", "csv");
        assertFalse(balances.equals(unchanged), "the posting is counted: " + balances);
        assertSameAsReplay("balance", "--ledger", l, "--as-of", "2024-04-30", "--format", "csv");
        assertSameAsReplay("trial-balance", "--ledger", l, "--format", "csv");

        assertEquals(before, state(ledger), "a read command never writes the ledger's read models");
        assertTrue(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "caught up in the cache, as before");
    }

    @Test
    void read_models_whose_checkpoint_is_not_an_event_of_this_ledger_are_not_trusted() throws Exception {
        Path ledger = ledgerWithOwnReadModels(11);
        // another ledger's read models put in place: their checkpoint's hash is not this ledger's event's
        change(ledger, "UPDATE projection_state SET position_hash = '00' || substr(position_hash, 3) WHERE name = 'balances'");
        change(ledger, "UPDATE rm_balances__balances_g1 SET amount = '1000000' WHERE account ="
                + " (SELECT min(account) FROM rm_balances__balances_g1)");

        assertSameAsReplay("balance", "--ledger", ledger.toString(), "--format", "csv");
        assertSameAsReplay("balance", "--ledger", ledger.toString(), "--as-of", "2024-09-30", "--format", "csv");
        assertTrue(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "the cache answered");
    }

    @Test
    void read_models_of_an_older_version_are_not_used() throws Exception {
        Path ledger = ledgerWithOwnReadModels(12);
        change(ledger, "UPDATE projection_state SET version = version - 1 WHERE name = 'balances'");

        assertSameAsReplay("trial-balance", "--ledger", ledger.toString(), "--as-of", "2024-12-31", "--format", "csv");
        assertTrue(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "the cache answered");
    }

    @Test
    void read_models_missing_a_table_are_not_used() throws Exception {
        Path ledger = ledgerWithOwnReadModels(13);
        change(ledger, "DROP TABLE rm_balances__date_checkpoints_g1");

        assertSameAsReplay("balance", "--ledger", ledger.toString(), "--as-of", "2025-02-28", "--format", "csv");
        assertTrue(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "the cache answered");
    }

    @Test
    void an_edited_date_checkpoint_in_the_ledger_is_passed_over() throws Exception {
        Path ledger = ledgerWithOwnReadModels(14);
        change(ledger, "UPDATE rm_balances__date_checkpoints_g1 SET data = zeroblob(length(data))");

        for (String date : List.of("2024-06-30", "2025-01-31", "2025-12-31")) {
            assertSameAsReplay("balance", "--ledger", ledger.toString(), "--as-of", date, "--format", "csv");
        }
    }

    @Test
    void a_ledger_file_its_owner_may_not_write_keeps_its_read_models_in_the_cache() throws Exception {
        Path ledger = ledgerWithOwnReadModels(15);
        Files.setPosixFilePermissions(ledger, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ));
        try {
            assertSameAsReplay("balance", "--ledger", ledger.toString(), "--as-of", "2024-10-31", "--format", "csv");
            assertTrue(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)),
                    "an auditor's read-only copy is answered from read models built from its events");
        } finally {
            Files.setPosixFilePermissions(ledger, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void the_read_models_and_the_events_are_read_at_one_snapshot_while_the_app_appends_and_catches_up() throws Exception {
        Path ledger = ledgerWithOwnReadModels(31);
        String l = ledger.toString();
        try (LedgerReadModelsAsRead asRead = LedgerReadModelsAsRead.open(ledger).orElseThrow()) {
            long seen = asRead.snapshotLastPosition().orElseThrow();
            assertEquals(lastPosition(ledger), seen);
            Map<String, List<ReadModelRow>> register = asRead.ledgerQueries().dump(BalancesProjection.NAME);

            // meanwhile a writer appends and the app catches its read models up (rewriting the date checkpoints)
            List<String[]> rows = ask("balance", "--ledger", l, "--format", "csv").lines().skip(1)
                    .map(row -> row.split(",")).toList();
            List<String[]> firstOfEach = rows.stream().filter(row -> rows.stream().filter(same -> same[0].equals(row[0]))
                    .findFirst().orElseThrow() == row).toList();
            for (int i = 1; i < 6; i++) {
                String[] row = firstOfEach.get(i - 1);
                RealCli post = RealCli.run("post", "--ledger", l, "--date", "2026-0" + i + "-15", "--description", "meanwhile",
                        "--posting", row[0] + "  1.00 " + row[1], "--posting", firstOfEach.get(i)[0]);
                assertEquals(ExitCodes.OK, post.exitCode(), post.err());
            }
            buildOwnReadModels(ledger);
            long now = lastPosition(ledger);
            assertTrue(now > seen);
            assertEquals(now, Long.parseLong(state(ledger).lines().filter(line -> line.startsWith("balances|"))
                    .findFirst().orElseThrow().split("\\|")[3]), "the app caught its read models up");

            assertEquals(seen, asRead.snapshotLastPosition().orElseThrow(), "the events as the snapshot holds them");
            assertEquals(seen, asRead.state(BalancesProjection.NAME).orElseThrow().position());
            assertEquals(seen, asRead.ledgerQueries().registerPosition());
            assertEquals(register, asRead.ledgerQueries().dump(BalancesProjection.NAME), "every table as it was");
            assertThrows(ReadModelException.class, () -> asRead.transaction(transaction -> { }));

            asRead.renewSnapshot();
            assertEquals(now, asRead.snapshotLastPosition().orElseThrow());
            assertEquals(now, asRead.ledgerQueries().registerPosition());
        }
        assertFalse(Files.exists(SqliteReadModelStore.cacheFileFor(ledger)), "answered from the ledger's own read models");
    }

    @Test
    void a_writer_appending_during_a_question_turns_the_session_to_the_cache_and_the_answer_counts_every_event()
            throws Exception {
        Path ledger = ledgerWithOwnReadModels(41);
        String l = ledger.toString();
        List<String> accounts = ask("balance", "--ledger", l, "--format", "csv").lines().skip(1)
                .map(row -> row.split(",")[0]).distinct().toList();
        String commodity = ask("balance", "--ledger", l, "--format", "csv").lines().skip(1).findFirst().orElseThrow()
                .split(",")[1];
        try (LedgerSession session = TestSessions.SQLITE.openToAsk(ledger)) {
            session.projections().open(ProgressListener.NONE);
            assertEquals(ledger.toAbsolutePath().toString(), session.readModelsLocation(), "the ledger's own read models");

            // a writer appends after the session read the ledger's read models, and nobody catches those up
            RealCli post = RealCli.run("post", "--ledger", l, "--date", "2026-02-01", "--description", "during the question",
                    "--posting", accounts.get(0) + "  3.00 " + commodity, "--posting", accounts.get(1));
            assertEquals(ExitCodes.OK, post.exitCode(), post.err());
            String before = state(ledger);

            assertEquals(session.fullReplay().balancesAt(new Point.Latest()),
                    session.timeTravel().ledgerBalancesAt(new Point.Latest()).balances(), "every event counted");
            assertEquals(session.fullReplay().balancesAt(new Point.AsOfDate(LocalDate.of(2026, 3, 1))),
                    session.timeTravel().ledgerBalancesAt(new Point.AsOfDate(LocalDate.of(2026, 3, 1))).balances());
            assertEquals(SqliteReadModelStore.cacheFileFor(ledger).toAbsolutePath().toString(), session.readModelsLocation(),
                    "caught up in the cache, as a read-only ledger's read models are");
            assertEquals(before, state(ledger), "the ledger's own read models were not written");
        }
    }
}
