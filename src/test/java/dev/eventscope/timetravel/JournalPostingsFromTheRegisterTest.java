package dev.eventscope.timetravel;

import dev.eventscope.projection.JournalProjection;
import dev.eventscope.projection.ReadModelRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The journal keeps no table of postings since version 2 (they are the register's lines); a ledger whose journal is
 * of version 1 is rebuilt on open, and the old generation goes with every table it had, the postings table included.
 */
class JournalPostingsFromTheRegisterTest {

    @TempDir
    Path folder;

    @Test
    void a_version_1_journal_is_rebuilt_and_its_postings_table_dropped_with_the_same_rows_in_the_dump() throws Exception {
        Path file = folder.resolve("ledger.sqlite");
        RandomLedger.writeLedger(file, 11, "p", 5, 60);
        Map<String, List<ReadModelRow>> before;
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            before = fixture.readModels.ledgerQueries().dump(JournalProjection.NAME);
        }
        assertEquals(List.of("rm_journal__journal_entries_g1"), journalTables(file), "version 2 keeps entries only");
        assertFalse(before.get(JournalProjection.POSTINGS).isEmpty(), "the dump gives the postings from the register");
        // as a ledger opened by version 1 left it: a postings table of its own, and the journal's state at version 1
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rm_journal__journal_postings_g1 (entry_id TEXT, posting_index INTEGER,"
                    + " account TEXT, amount TEXT, commodity TEXT, PRIMARY KEY (entry_id, posting_index)) WITHOUT ROWID");
            statement.execute("INSERT INTO rm_journal__journal_postings_g1 VALUES ('e1', 1, 'assets:cash', '1', 'EUR')");
            statement.execute("UPDATE projection_state SET version = 1 WHERE name = 'journal'");
        }
        try (TimeTravelFixture fixture = new TimeTravelFixture(file, 50, 100)) {
            assertEquals(List.of("rm_journal__journal_entries_g2"), journalTables(file),
                    "the rebuild swapped in generation 2 and dropped all of generation 1");
            assertEquals(before, fixture.readModels.ledgerQueries().dump(JournalProjection.NAME));
        }
    }

    private static List<String> journalTables(Path file) throws SQLException {
        return FirstOpenIndexingTest.schemaNames(file, "table", "rm_journal%");
    }
}
