package dev.eventscope.timetravel;

import dev.eventscope.projection.BalancesProjection;
import dev.eventscope.projection.ReadModelRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ledger's read models are first filled without their secondary indexes, which are built once at the
 * end of opening; a first catch-up that was interrupted before that (a crash) ends indexed on the next
 * open, with the same rows.
 */
class FirstOpenIndexingTest {

    private static final List<String> INDEXES = List.of(
            "rm_balances__account_lifecycle_g1_i1", "rm_balances__register_g1_i1", "rm_balances__register_g1_i2",
            "rm_balances__register_g1_i3", "rm_journal__journal_entries_g1_i1", "rm_journal__journal_postings_g1_i1");

    @TempDir
    Path folder;

    @Test
    void the_first_open_fills_the_read_models_then_indexes_them_and_a_crash_in_between_is_mended() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        try (var store = RandomLedger.openStore(file)) {
            RandomLedger ledger = new RandomLedger(42);
            var service = RandomLedger.service(store, "p");
            ledger.create(service, 6);
            ledger.importEntries(service, 120);
        }
        Map<String, List<ReadModelRow>> first;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(INDEXES, indexes(file));
            first = fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME);
        }
        // as if the process died after the first catch-up but before its indexes were built
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute("DROP INDEX " + index);
            }
        }
        assertEquals(List.of(), indexes(file));
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(INDEXES, indexes(file));
            assertEquals(first, fixture.readModels.ledgerQueries().dump(BalancesProjection.NAME));
        }
    }

    private static List<String> indexes(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rm%' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
