package dev.eventscope.bootstrap;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.testing.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Session 22 (adversary2): file names and user text that Eventscope's messages quote. A journal named
 * {@code new⏎line "q" ESC[2J é U+202E txt.journal} printed "Imported new⏎line…", so a hostile name could add a line of its
 * own to the output, clear the terminal or read as another name; a 10 MB description went whole to the terminal. Every
 * message now quotes them in one printable form ({@code domain.PrintableText}): control, invisible and bidirectional
 * characters as {@code \\uXXXX}, quotes and accented letters as they are, long text shortened with its length.
 */
class HostileNamesInMessagesTest {

    /** A line break, quotes, an escape sequence that clears the terminal, an accented letter, a right-to-left override. */
    private static final String JOURNAL_NAME = "new\nline \"q\" \u001B[2J \u00E9\u202Etxt.journal";
    private static final String JOURNAL_SHOWN = "new\\u000Aline \"q\" \\u001B[2J \u00E9\\u202Etxt.journal";
    private static final String LEDGER_NAME = "l\n\"\u00E9\"\u001B[31m.ledger";
    private static final String LEDGER_SHOWN = "l\\u000A\"\u00E9\"\\u001B[31m.ledger";

    @TempDir
    Path folder;
    Path journal;
    Path ledger;

    @BeforeEach
    void givenAJournalAndALedgerWithHostileNames() throws Exception {
        journal = folder.resolve(JOURNAL_NAME);
        Files.writeString(journal, RealCli.SHOP_JOURNAL);
        ledger = folder.resolve(LEDGER_NAME);
    }

    private RealCli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (List.of("verify", "seal").contains(args[0])) {
            all.addAll(List.of("--heads-dir", folder.resolve("heads").toString()));
        }
        if (List.of("seal", "report").contains(args[0])) {
            all.addAll(List.of("--key-dir", folder.resolve("keys").toString()));
        }
        return RealCli.run(all.toArray(String[]::new));
    }

    /** Fails if a line of the output holds a control character (but its own line end) or a hidden or bidi character. */
    private static void assertPrintable(String output) {
        for (String line : output.split("\r?\n", -1)) {
            line.codePoints().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)
                    .findFirst().ifPresent(c -> fail(String.format("the output holds U+%04X raw in the line \"%s\":%n%s",
                            c, line, output)));
        }
    }

    private void imported() {
        RealCli imported = run("import", journal.toString(), "--ledger", ledger.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    }

    @Test
    void import_names_the_journal_and_the_ledger_in_their_printable_form() {
        RealCli imported = run("import", journal.toString(), "--ledger", ledger.toString());

        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertPrintable(imported.out() + imported.err());
        assertMentions(imported.out(), "Imported " + JOURNAL_SHOWN + " into " + LEDGER_SHOWN + ": 3 entries");
        assertEquals(2, imported.out().lines().count(), imported.out());
    }

    @Test
    void the_ledger_named_after_the_journal_takes_its_printable_name() {
        imported();

        RealCli state = run("state", "--ledger", ledger.toString(), "--stream", "ledger");

        assertEquals(ExitCodes.OK, state.exitCode(), state.err());
        assertPrintable(state.out());
        assertMentions(state.out(), "new\\u000Aline \"q\" \\u001B[2J \u00E9\\u202Etxt");
    }

    @Test
    void export_verify_seal_and_report_name_the_files_in_their_printable_form() throws Exception {
        imported();
        Path exported = folder.resolve("x" + JOURNAL_NAME);
        Path report = folder.resolve("r" + JOURNAL_NAME + ".csv");

        RealCli export = run("export", "--ledger", ledger.toString(), "--out", exported.toString());
        RealCli again = run("export", "--ledger", ledger.toString(), "--out", exported.toString());
        RealCli verify = run("verify", "--ledger", ledger.toString());
        RealCli written = run("report", "--ledger", ledger.toString(), "--format", "csv", "--out", report.toString());
        RealCli seal = run("seal", "--ledger", ledger.toString(), "--user", "alice");

        for (RealCli each : List.of(export, verify, seal, written)) {
            assertEquals(ExitCodes.OK, each.exitCode(), each.out() + each.err());
        }
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, again.exitCode(), again.err());
        for (RealCli each : List.of(export, again, verify, seal, written)) {
            assertPrintable(each.out() + each.err());
        }
        assertMentions(export.err(), "Exported 3 entries to " + folder.resolve("x").toString() + JOURNAL_SHOWN + ".");
        assertMentions(again.err(), "x" + JOURNAL_SHOWN + " already exists");
        assertMentions(written.out(), "Wrote " + folder.resolve("r").toString() + JOURNAL_SHOWN + ".csv (",
                "into " + folder.resolve("r").toString() + JOURNAL_SHOWN + ".csv.sig.");
        assertMentions(verify.out(), "intact through position");
        // the report itself: the ledger's name (the journal's) and the import's row name the journal printably
        String csv = Files.readString(report);
        assertPrintable(csv);
        assertMentions(csv, "Imported " + JOURNAL_SHOWN.replace("\"", "\"\""));
        assertMentions(seal.out(), "Sealed ledger");
    }

    @Test
    void errors_naming_a_file_are_one_printable_line() throws Exception {
        Path bad = folder.resolve("bad\n\u001B[2J.journal");
        Files.writeString(bad, "2025-01-05 x\n    assets:cash  1 EUR\n");

        RealCli missingJournal = run("import", folder.resolve("no" + JOURNAL_NAME).toString(), "--ledger", ledger.toString());
        RealCli unbalanced = run("import", bad.toString(), "--ledger", ledger.toString());
        RealCli missingLedger = run("verify", "--ledger", ledger.toString());
        RealCli notALedger = run("verify", "--ledger", journal.toString());
        RealCli stray = run("balance", "--ledger", ledger.toString(), "\u001B[2J\u202E");

        assertMentions(missingJournal.err(), "There is no journal at " + folder.resolve("no").toString() + JOURNAL_SHOWN + ".");
        assertMentions(unbalanced.err(), "bad\\u000A\\u001B[2J.journal:1:");
        assertMentions(missingLedger.err(), "There is no ledger at " + folder.resolve("l").toString() + "\\u000A");
        assertMentions(notALedger.err(), JOURNAL_SHOWN + "' is not an Eventscope ledger");
        assertMentions(stray.err(), "\\u001B[2J\\u202E");
        for (RealCli each : List.of(missingJournal, unbalanced, missingLedger, notALedger, stray)) {
            assertTrue(each.exitCode() != ExitCodes.OK, each.err());
            assertPrintable(each.out() + each.err());
        }
        for (RealCli each : List.of(missingJournal, unbalanced, missingLedger, notALedger)) {
            assertEquals(1, each.err().lines().count(), each.err());
        }
    }

    @Test
    void the_log_names_the_files_in_their_printable_form() throws Exception {
        // session 23 (adversary): the SQLite store logged "created ledger l⏎"é"ESC[31m.ledger" raw (slf4j-simple has no
        // pattern to escape with); a child JVM at log level info, as a user who asks for the log runs it
        ChildJvm.Ended imported = ChildJvm.eventscope("import", journal.toString(), "--ledger", ledger.toString())
                .foldersIn(folder.resolve("xdg")).jvmOptions("-Dorg.slf4j.simpleLogger.defaultLogLevel=info").run();
        ChildJvm.Ended verified = ChildJvm.eventscope("verify", "--ledger", ledger.toString(), "--heads-dir",
                folder.resolve("heads").toString()).foldersIn(folder.resolve("xdg"))
                .jvmOptions("-Dorg.slf4j.simpleLogger.defaultLogLevel=info").run();

        assertEquals(ExitCodes.OK, imported.code(), imported.printed());
        assertEquals(ExitCodes.OK, verified.code(), verified.printed());
        assertMentions(imported.err(), "created ledger " + folder.resolve(LEDGER_SHOWN));
        assertPrintable(imported.printed());
        assertPrintable(verified.printed());
    }

    @Test
    void an_account_name_with_an_escape_sequence_is_refused_in_a_printable_sentence() {
        imported();

        RealCli opened = run("open-account", "--ledger", ledger.toString(), "--on", "2025-03-01", "assets:\u001B[2Jcash");

        assertEquals(ExitCodes.REFUSED, opened.exitCode(), opened.err());
        assertPrintable(opened.out() + opened.err());
        assertMentions(opened.err(), "\"assets:\\u001B[2Jcash\" is not a valid account name");
    }

    @Test
    void a_ten_megabyte_description_is_posted_whole_and_printed_shortened() {
        imported();
        String description = "Invoice " + "x".repeat(10_000_000 - 8);

        RealCli posted = run("post", "--ledger", ledger.toString(), "--date", "2025-03-01", "--description", description,
                "--posting", "expenses:rent  10 EUR", "--posting", "assets:bank");
        RealCli state = run("state", "--ledger", ledger.toString(), "--stream", "entry-E000004");
        RealCli accounts = run("accounts", "--ledger", ledger.toString());

        assertEquals(ExitCodes.OK, posted.exitCode(), posted.err());
        assertMentions(posted.out(), "Posted entry E000004 (2025-03-01 Invoice xxx", "… (10,000,000 characters in all)) at positions");
        assertTrue(posted.out().length() < 1_000, () -> posted.out().length() + " characters printed");
        assertEquals(ExitCodes.OK, state.exitCode(), state.err());
        assertMentions(state.out(), "entry.description = Invoice xxx", "(10,000,000 characters in all)");
        assertTrue(state.out().length() < 10_000, () -> state.out().length() + " characters printed");
        assertEquals(ExitCodes.OK, accounts.exitCode(), accounts.err());
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            EntryState entry = LedgerCommandService.create(store).repository()
                    .load(Aggregate.ENTRY, StreamId.of(LedgerStreams.entry(EntryId.of("E000004")))).state();
            assertEquals(description, entry.entry().description(), "the ledger keeps every character");
        }
        assertFalse(posted.out().contains("x".repeat(1_000)));
    }

    @Test
    void tags_with_an_escape_sequence_and_a_right_to_left_override_are_kept_and_shown_printably() throws Exception {
        Path tagged = folder.resolve("tagged.journal");
        Files.writeString(tagged, "2025-01-05 Shop  ; tag:val\u001B[31mue, other:\u202Eevil\n"
                + "    expenses:food   10.00 EUR  ; note:\u001B[2J\n    assets:cash\n");
        RealCli imported = run("import", tagged.toString(), "--ledger", ledger.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());

        RealCli state = run("state", "--ledger", ledger.toString(), "--stream", "entry-E000001");
        RealCli history = run("history", "--ledger", ledger.toString(), "--stream", "entry-E000001");
        RealCli json = run("history", "--ledger", ledger.toString(), "--stream", "entry-E000001", "--format", "json");

        assertPrintable(state.out());
        assertPrintable(history.out());
        assertMentions(state.out(), "entry.tags.other = \\u202Eevil", "entry.tags.tag = val\\u001B[31mue");
        assertMentions(history.out(), "\\u202Eevil");
        // the machine's form keeps the data exactly: the override itself, the escape as JSON writes it
        assertMentions(json.out(), "\u202Eevil", "val\\u001B[31mue");
    }

    @Test
    void a_user_name_with_a_line_break_and_a_right_to_left_override_is_refused_by_seal_in_a_printable_sentence() {
        // session 23 (adversary): the sealer's name is recorded in the seal event for good, so it is refused where it
        // enters (RecordedNames); a user recorded before the rule is shown printably (RecordedNamesTest)
        imported();

        RealCli seal = run("seal", "--ledger", ledger.toString(), "--user", "ev\u202Eil\nx");
        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, seal.exitCode(), seal.out() + seal.err());
        assertPrintable(seal.out() + seal.err());
        assertMentions(seal.err(), "--user, \"ev\\u202Eil\\u000Ax\", holds the character U+202E");
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
        assertFalse(verify.out().contains("ev\\u202E"), verify.out());
    }
}
