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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ledger's read models are first filled without their secondary indexes, which are built once at the
 * end of opening; a first catch-up that was interrupted before that (a crash) ends indexed on the next
 * open, with the same rows. The register has no index by entry date (questions as of a date read the date
 * checkpoints' lines), and no question as of a date builds one.
 */
class FirstOpenIndexingTest {

    /** Every index of the read models: opening builds them all (issue 15). */
    private static final List<String> INDEXES = List.of(
            "rm_balances__account_lifecycle_g1_i1", "rm_balances__register_blocks_g1_i1");

    @TempDir
    Path folder;

    @Test
    void the_first_open_fills_the_read_models_then_indexes_them_and_a_crash_in_between_is_mended() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 42, "p", 6, 120);
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

    @Test
    void no_question_as_of_a_date_builds_an_index() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 7, "p", 5, 80);
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(INDEXES, indexes(file));
            LedgerBalances before = fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(LocalDate.of(2024, 3, 1)));
            assertEquals(INDEXES, indexes(file), "the question built nothing");
            // the same question gives the same answer again, and as a full replay
            assertEquals(before.balances(), fixture.timeTravel.ledgerBalancesAt(new Point.AsOfDate(LocalDate.of(2024, 3, 1)))
                    .balances());
            assertEquals(fixture.replay.balances(Long.MAX_VALUE, LocalDate.of(2024, 3, 1)), before.balances());
        }
    }

    private static List<String> indexes(Path file) throws SQLException {
        return schemaNames(file, "index", "rm%");
    }

    /** The names of the file's schema objects of {@code type} whose name is {@code LIKE} {@code pattern}, sorted. */
    static List<String> schemaNames(Path file, String type, String pattern) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type
                     + "' AND name LIKE '" + pattern + "' ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
