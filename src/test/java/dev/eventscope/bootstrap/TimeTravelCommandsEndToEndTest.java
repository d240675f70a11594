package dev.eventscope.bootstrap;

import dev.eventscope.timetravel.RandomLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** state, diff and projections on a real ledger file, through the wired command line. */
class TimeTravelCommandsEndToEndTest {

    @TempDir
    Path folder;

    private static RealCli run(String... args) {
        return RealCli.run(args);
    }

    private Path ledger() {
        Path file = folder.resolve("books.ledger");
        try (var store = RandomLedger.openStore(file)) {
            RandomLedger ledger = new RandomLedger(5);
            var service = RandomLedger.service(store, "t");
            ledger.create(service, 4);
            ledger.post(service, 12);
        }
        System.setProperty("user.home", folder.toString());
        return file;
    }

    @Test
    void projections_shows_every_read_model_up_to_date_and_rebuild_swaps_them_in() {
        Path file = ledger();
        RealCli status = run("projections", "--ledger", file.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("balances") && status.out().contains("UP TO DATE"), status.out());
        // the first open built every read model and said how far it was (issue 15); the next has nothing to say
        assertTrue(status.err().contains("read models    [##############################] 100%"), status.err());
        RealCli again = run("projections", "--ledger", file.toString());
        assertEquals("", again.err());
        RealCli rebuild = run("projections", "rebuild", "--ledger", file.toString(), "--name", "journal");
        assertEquals(0, rebuild.exitCode(), rebuild.err());
        assertTrue(rebuild.out().contains("Rebuild of journal: completed"), rebuild.out());
    }

    @Test
    void state_shows_an_account_at_a_version_and_diff_lists_changed_balances() {
        Path file = ledger();
        RealCli state = run("state", "--ledger", file.toString(), "--stream", "account-assets:bank:a0", "--version", "1");
        assertEquals(0, state.exitCode(), state.err());
        assertTrue(state.out().contains("status = OPEN"), state.out());
        RealCli json = run("state", "--ledger", file.toString(), "--stream", "account-assets:bank:a0", "--format", "json");
        assertTrue(json.out().startsWith("{\"stream\":\"account-assets:bank:a0\""), json.out());
        RealCli diff = run("diff", "--ledger", file.toString(), "--from", "#0", "--to", "now");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().contains("ACCOUNT"), diff.out());
    }

    @Test
    void an_account_as_of_a_date_is_read_from_read_models_built_for_the_read_only_ledger() {
        Path file = ledger();
        RealCli state = run("state", "--ledger", file.toString(), "--stream", "account-assets:bank:a0", "--as-of", "2025-12-31");
        assertEquals(0, state.exitCode(), state.err());
        assertTrue(state.out().contains("status = OPEN"), state.out());
        RealCli diff = run("diff", "--ledger", file.toString(), "--stream", "account-assets:bank:a0", "--from", "2024-01-01",
                "--to", "2025-12-31");
        assertEquals(0, diff.exitCode(), diff.err());
    }

    @Test
    void a_point_that_is_not_one_is_refused_with_the_accepted_forms() {
        Path file = ledger();
        RealCli diff = run("diff", "--ledger", file.toString(), "--from", "yesterday");
        assertEquals(2, diff.exitCode());
        assertTrue(diff.err().contains("#1200"), diff.err());
    }
}
