package dev.eventscope.bootstrap;

import dev.eventscope.audit.AuditFixtures;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.projection.RecordedRegister;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import dev.eventscope.testing.RegisterEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 19's adversary: the balances read models are kept beside the chain (in a writable ledger's file, or in the
 * user's cache for a read-only one), and every balance is summed from their register lines. Whoever can write that file
 * could edit a line, or put another ledger's read models in place, and {@code balance} showed it while {@code verify}
 * said intact. Verify now compares the lines with the postings it walks.
 */
class ReadModelTamperingTest {

    @TempDir
    Path folder;

    private RealCli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("verify")) {
            all.addAll(List.of("--heads-dir", folder.resolve("heads").toString(), "--key-dir", folder.resolve("keys").toString()));
        }
        return RealCli.run(all.toArray(String[]::new));
    }

    @Test
    void a_register_line_edited_in_the_ledger_file_s_read_models_is_named_by_verify() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        assertEquals(ExitCodes.OK, run("projections", "rebuild", "--ledger", ledger.toString()).exitCode());
        // read models behind the events are not an edit
        RealCli post = run("post", "--ledger", ledger.toString(), "--date", "2024-03-31", "--description",
                "late fee", "--posting", "expenses:rent  2.50 EUR", "--posting", "assets:bank");
        assertEquals(ExitCodes.OK, post.exitCode(), post.err());
        RealCli honest = run("verify", "--ledger", ledger.toString());
        assertEquals(ExitCodes.OK, honest.exitCode(), honest.out() + honest.err());
        assertFalse(honest.out().contains("read models"), honest.out());

        long position = editLastRegisterLine(ledger,
                line -> RegisterEdits.withAmount(line, new BigDecimal(line.amount()).add(BigDecimal.valueOf(1000)).toPlainString()));
        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out());
        assertMentions(verify.out(), "TAMPERED: the read models in " + ledger, "were edited",
                "register line at position " + position, "amount", "where the event says", "projections rebuild");
    }

    @Test
    void a_register_table_dropped_from_the_ledger_file_s_read_models_is_named_by_verify() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("dropped.ledger"));
        assertEquals(ExitCodes.OK, run("projections", "rebuild", "--ledger", ledger.toString()).exitCode());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement();
             ResultSet generation = statement.executeQuery("SELECT generation FROM projection_state WHERE name = 'balances'")) {
            generation.next();
            String table = "rm_balances__register_runs_g" + generation.getLong(1);
            generation.close();
            statement.execute("DROP TABLE " + table);
        }

        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "TAMPERED: the read models in " + ledger, "register table", "is gone");
    }

    @Test
    void a_register_line_edited_in_the_cache_is_shown_by_balance_and_named_by_verify() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme-cached.ledger"));
        String before = run("balance", "--ledger", ledger.toString()).out();
        Path cache = SqliteReadModelStore.cacheFileFor(ledger);
        assertTrue(Files.isRegularFile(cache), cache.toString());
        assertEquals(ExitCodes.OK, run("verify", "--ledger", ledger.toString()).exitCode());

        long position = editLastRegisterLine(cache, line -> RegisterEdits.withDescription(line, "reviewed by the auditor"));
        editLastRegisterLine(cache,
                line -> RegisterEdits.withAmount(line, new BigDecimal(line.amount()).add(BigDecimal.valueOf(1000000)).toPlainString()));
        String after = run("balance", "--ledger", ledger.toString()).out();
        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertFalse(before.equals(after), "the forged line must reach balance, else this test shows nothing: " + after);
        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out());
        assertMentions(verify.out(), "TAMPERED: the read models in " + cache, "register line at position " + position,
                "the description 'reviewed by the auditor' where the event says");
    }

    @Test
    void another_ledger_s_cache_copied_in_place_is_rebuilt_and_balance_shows_this_ledger_s_figures() throws Exception {
        // the other ledger's read models hold the entry X2 before their checkpoint, this ledger posts it after that
        // position: catching their tables up with this ledger's events failed on every command ("UNIQUE constraint
        // failed: rm_journal__journal_entries_g1.entry_id") until the cache was deleted by hand
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("mine.ledger"));
        Path other = AuditFixtures.acmeLedger(folder.resolve("other.ledger"));
        post(ledger, "X1", "10.00");
        post(ledger, "X2", "20.00");
        post(other, "X2", "30.00");
        assertEquals(ExitCodes.OK, run("balance", "--ledger", other.toString()).exitCode());
        String truth = run("balance", "--replay", "--ledger", ledger.toString()).out();
        Files.copy(SqliteReadModelStore.cacheFileFor(other), SqliteReadModelStore.cacheFileFor(ledger),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RealCli balance = run("balance", "--ledger", ledger.toString());

        assertEquals(ExitCodes.OK, balance.exitCode(), balance.err());
        assertEquals(truth, balance.out());
        assertEquals(ExitCodes.OK, run("verify", "--ledger", ledger.toString()).exitCode());
    }

    private void post(Path ledger, String id, String amount) {
        RealCli post = run("post", "--ledger", ledger.toString(), "--id", id, "--date", "2024-03-31", "--description",
                "fee " + id, "--posting", "expenses:rent  " + amount + " EUR", "--posting", "assets:bank");
        assertEquals(ExitCodes.OK, post.exitCode(), post.err());
    }

    @Test
    void a_line_edited_in_one_account_s_register_block_alone_is_named_by_verify() throws Exception {
        // session 23: the register's lines are kept twice, by position (runs, which verify compares with the events)
        // and by account (blocks, which balances at a position and an account's register read): an edit of a block
        // alone must be found too
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("block.ledger"));
        assertEquals(ExitCodes.OK, run("projections", "rebuild", "--ledger", ledger.toString()).exitCode());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
            RegisterEdits.editLastBlockLine(connection,
                    line -> RegisterEdits.withAmount(line, new BigDecimal(line.amount()).add(BigDecimal.ONE).toPlainString()));
        }

        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "TAMPERED: the read models in " + ledger, "were edited", "register's blocks of",
                "do not hold the lines its runs hold", "projections rebuild");
    }

    @Test
    void a_block_whose_running_balance_was_edited_is_named_by_verify() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("balance.ledger"));
        assertEquals(ExitCodes.OK, run("projections", "rebuild", "--ledger", ledger.toString()).exitCode());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
            RegisterEdits.editLastBlockLine(connection, line -> RegisterEdits.withAmounts(line, line.amount(),
                    new BigDecimal(line.runningBalance()).add(BigDecimal.TEN).toPlainString()));
        }

        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "TAMPERED: the read models in " + ledger, "register's block of", "says it holds");
    }

    @Test
    void a_run_blob_that_cannot_be_read_is_named_by_verify() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("garbled.ledger"));
        assertEquals(ExitCodes.OK, run("projections", "rebuild", "--ledger", ledger.toString()).exitCode());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE rm_balances__register_runs_g" + RegisterEdits.generation(connection)
                    + " SET lines = X'05FFFFFF'");
        }

        RealCli verify = run("verify", "--ledger", ledger.toString());

        assertEquals(ExitCodes.TAMPERED, verify.exitCode(), verify.out() + verify.err());
        assertMentions(verify.out(), "TAMPERED: the read models in " + ledger, "register's lines cannot be read");
    }

    /** Edits the balances register's last line (in its runs, by position) in the read models of {@code file}; returns its position. */
    private static long editLastRegisterLine(Path file, UnaryOperator<RecordedRegister.Line> edit) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return RegisterEdits.editLastRunLine(connection, edit);
        }
    }
}
