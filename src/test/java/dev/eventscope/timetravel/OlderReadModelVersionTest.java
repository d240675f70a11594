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
}
