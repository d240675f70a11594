package dev.eventscope.bootstrap;

import dev.eventscope.application.EntryIds;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import} and {@code imports} against repeated journals, failures on new paths and damaged schema versions (issue 17). */
class ImportCommandAdversarialTest {

    @TempDir
    Path folder;
    Path journal;
    Path ledger;

    @BeforeEach
    void givenAJournal() throws Exception {
        journal = folder.resolve("shop.journal");
        Files.writeString(journal, RealCli.SHOP_JOURNAL);
        ledger = folder.resolve("shop.ledger");
    }

    private RealCli importInto(Path into, Path from, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", from.toString(), "--ledger", into.toString(),
                "--user", "alice"));
        args.addAll(List.of(more));
        return RealCli.run(args.toArray(String[]::new));
    }

    private long entries() {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return EntryIds.entryCount(store);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Nested
    @DisplayName("importing what the ledger already holds")
    class Duplicates {

        @Test
        void the_same_journal_again_is_refused_and_writes_nothing() {
            assertEquals(0, importInto(ledger, journal).exitCode());

            RealCli again = importInto(ledger, journal);

            assertEquals(4, again.exitCode(), again.out());
            assertMentions(again.err(), "shop.journal was already imported", "alice", "3 entries", "--allow-duplicates");
            assertEquals(1, again.err().lines().count(), again.err());
            assertFalse(again.out().contains("Imported"), again.out());
            assertEquals(3, entries());
        }

        @Test
        void allow_duplicates_imports_it_again() {
            assertEquals(0, importInto(ledger, journal).exitCode());

            RealCli again = importInto(ledger, journal, "--allow-duplicates");

            assertEquals(0, again.exitCode(), again.err());
            assertEquals(6, entries());
        }

        @Test
        void a_changed_journal_that_repeats_entries_is_refused_naming_the_first_repeat() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            Path march = folder.resolve("march.journal");
            Files.writeString(march, """
                    2025-03-01 Sale
                        assets:bank          80.00 EUR
                        income:sales
                    2025-01-10 Sale
                        assets:bank          250 EUR
                        income:sales        -250.00 EUR
                    """);

            RealCli refused = importInto(ledger, march);

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "1 of the journal's 2 entries", "march.journal:4", "Sale", "--allow-duplicates");
            assertEquals(3, entries());
        }

        @Test
        void a_journal_with_new_entries_only_is_imported() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            Path march = folder.resolve("march.journal");
            Files.writeString(march, "2025-03-01 Sale\n    assets:bank  80.00 EUR\n    income:sales\n");

            RealCli imported = importInto(ledger, march);

            assertEquals(0, imported.exitCode(), imported.err());
            assertEquals(4, entries());
        }

        @Test
        void automatic_ids_skip_an_id_a_user_chose_by_hand() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            assertEquals(0, RealCli.run("post", "-l", ledger.toString(), "--id", "E000005", "--date", "2025-02-05",
                    "--posting", "expenses:rent  1 EUR", "--posting", "assets:bank").exitCode());
            Path march = folder.resolve("march.journal");
            Files.writeString(march, "2025-03-01 Sale\n    assets:bank  80.00 EUR\n    income:sales\n"
                    + "2025-03-02 Sale\n    assets:bank  90.00 EUR\n    income:sales\n");

            RealCli imported = importInto(ledger, march);

            assertEquals(0, imported.exitCode(), imported.err());
            assertEquals(6, entries());
            assertMentions(RealCli.run("imports", "-l", ledger.toString()).out(), "E000006–E000007");
        }

        @Test
        void identical_entries_inside_one_journal_are_not_duplicates_of_each_other() throws Exception {
            Path coffees = folder.resolve("coffees.journal");
            String coffee = "2025-03-01 Coffee\n    expenses:food  3 EUR\n    assets:cash\n";
            Files.writeString(coffees, coffee + coffee);

            RealCli imported = importInto(ledger, coffees);

            assertEquals(0, imported.exitCode(), imported.err());
            assertEquals(2, entries());
        }
    }

    @Nested
    @DisplayName("listing the committed imports")
    class Listing {

        @Test
        void imports_names_the_journal_its_sha256_user_and_entries() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());

            RealCli listed = RealCli.run("imports", "--ledger", ledger.toString());

            assertEquals(0, listed.exitCode(), listed.err());
            assertMentions(listed.out(), "shop.journal", sha256(journal), "alice", "E000001–E000003", " 3 ");
        }

        @Test
        void a_refused_import_is_not_listed() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            Path bad = folder.resolve("bad.journal");
            Files.writeString(bad, "2025-03-01 Broken\n    assets:bank  10 EUR\n    income:sales  -9 EUR\n");
            assertEquals(4, importInto(ledger, bad).exitCode());

            RealCli listed = RealCli.run("imports", "--ledger", ledger.toString());

            assertFalse(listed.out().contains("bad.journal"), listed.out());
            assertEquals(2, listed.out().lines().count(), listed.out());
        }

        @Test
        void a_ledger_made_before_imports_were_recorded_says_it_has_none() throws Exception {
            Path older = folder.resolve("older.ledger");
            Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), older);

            RealCli listed = RealCli.run("imports", "-l", older.toString());

            assertEquals(0, listed.exitCode(), listed.err());
            assertMentions(listed.out(), "No journal was imported into older.ledger");
        }
    }

    @Nested
    @DisplayName("a failed import")
    class Failed {

        @Test
        void into_a_new_path_leaves_no_file_behind() throws Exception {
            Path bad = folder.resolve("bad.journal");
            Files.writeString(bad, "2025-03-01 Broken\n    assets:bank  10 EUR\n    income:sales  -9 EUR\n");

            RealCli refused = importInto(ledger, bad);

            assertEquals(4, refused.exitCode());
            assertFalse(Files.exists(ledger), "the ledger file was left behind");
            assertFalse(Files.exists(Path.of(ledger + "-wal")));
            assertFalse(Files.exists(Path.of(ledger + "-shm")));
        }

        @Test
        void into_an_existing_ledger_keeps_it() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            Path bad = folder.resolve("bad.journal");
            Files.writeString(bad, "2025-03-01 Broken\n    assets:bank  10 EUR\n    income:sales  -9 EUR\n");

            assertEquals(4, importInto(ledger, bad).exitCode());

            assertTrue(Files.exists(ledger));
            assertEquals(3, entries());
        }
    }

    @Nested
    @DisplayName("a ledger whose schema version was set back")
    class SchemaVersionSetBack {

        @Test
        void write_commands_say_so_in_one_sentence() throws Exception {
            assertEquals(0, importInto(ledger, journal).exitCode());
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA user_version = 1");
            }

            RealCli posted = RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--posting", "expenses:rent  1 EUR",
                    "--posting", "assets:bank");

            assertEquals(2, posted.exitCode(), posted.err());
            assertEquals(1, posted.err().lines().count(), posted.err());
            assertMentions(posted.err(), ledger.getFileName().toString(), "schema version");
            assertFalse(posted.err().contains("SQLITE"), posted.err());
            assertFalse(posted.err().contains("already exists"), posted.err());
        }
    }
}
