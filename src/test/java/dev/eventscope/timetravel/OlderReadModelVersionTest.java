package dev.eventscope.timetravel;

import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.ReadModelRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ledger whose read model an older Eventscope built (an older version, tables of an older shape) opens with this
 * version: the read model is rebuilt, and until then no catch-up writes this version's rows into the older tables
 * (it did, and the open failed with "table ... has 5 columns but 6 values were supplied").
 */
class OlderReadModelVersionTest {

    @TempDir
    Path folder;

    @Test
    void an_older_versions_tables_are_rebuilt_never_caught_up_with_this_versions_rows() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 11, "p", 6, 120);
        Map<String, List<ReadModelRow>> built;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            built = fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME);
        }
        int version = new BalancesProjection(50).version();
        // as an older version left it: its version in the state, and date checkpoints without this version's last
        // column, not built yet (before issue 15 the first question as of a date built them)
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE projection_state SET version = " + (version - 1) + " WHERE name = 'balances'");
            statement.execute("ALTER TABLE rm_balances__date_checkpoints_g1 DROP COLUMN lines");
            statement.execute("DELETE FROM rm_balances__date_checkpoints_g1");
        }
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(built, fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME), "rebuilt as before");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet state = statement.executeQuery("SELECT version FROM projection_state WHERE name = 'balances'")) {
            state.next();
            assertEquals(version, state.getInt(1));
        }
    }

    @Test
    void version_7_s_register_table_is_rebuilt_as_version_8_s_blobs() throws Exception {
        // session 23: version 8 keeps the register as blobs in two tables of its own (one indexed); a file whose balances
        // are of version 7 has a register table instead, and opening it failed while indexing a table it did not have
        Path file = folder.resolve("version7.sqlite");
        RandomLedger.writeLedger(file, 5, "p", 4, 90);
        Map<String, List<ReadModelRow>> built;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            built = fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE rm_balances__register_runs_g1");
            statement.execute("DROP TABLE rm_balances__register_blocks_g1");
            statement.execute("CREATE TABLE rm_balances__register_g1 (position INTEGER, account TEXT, commodity TEXT, amount TEXT,"
                    + " running_balance TEXT, entry_id TEXT, posting_index INTEGER, date TEXT, description TEXT, reverses TEXT,"
                    + " PRIMARY KEY (position))");
            statement.execute("CREATE INDEX rm_balances__register_g1_i1 ON rm_balances__register_g1 (account, commodity, position, date)");
            statement.execute("INSERT INTO rm_balances__register_g1 VALUES (1, 'assets:bank:a0', 'EUR', '1', '1', 'x', 0,"
                    + " '2024-01-01', 'a line of version 7', NULL)");
            statement.execute("UPDATE projection_state SET version = 7 WHERE name = 'balances'");
        }
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(built, fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME), "rebuilt as version 8");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet old = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rm_balances__register_g%'")) {
            old.next();
            assertEquals(0, old.getInt(1), "version 7's register table is dropped with its generation");
        }
    }
}
