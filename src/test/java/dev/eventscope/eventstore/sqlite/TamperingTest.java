package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.ledgerWith;
import static dev.eventscope.eventstore.sqlite.LedgerFiles.rawSql;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Someone with a plain SQLite tool drops the triggers and edits the events table; verify names what they did. */
class TamperingTest {

    @TempDir
    Path folder;

    private Path ledger() throws Exception {
        Path file = ledgerWith(folder.resolve("victim.ledger"), 4, 10);
        rawSql(file, "DROP TRIGGER events_are_immutable", "DROP TRIGGER events_are_permanent");
        return file;
    }

    /** Deletes the event at {@code deleted} and moves every later one down a position, as a careful forger would. */
    private static void deleteAndRenumber(Path file, int deleted) throws Exception {
        rawSql(file, "DELETE FROM events WHERE position = " + deleted);
        for (int position = deleted + 1; position <= 40; position++) {
            rawSql(file, "UPDATE events SET position = " + (position - 1) + " WHERE position = " + position);
        }
    }

    private IntegrityReport verify(Path file) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            return store.verify();
        }
    }

    @Test
    void an_untouched_ledger_is_intact() throws Exception {
        IntegrityReport report = verify(ledgerWith(folder.resolve("untouched.ledger"), 4, 10));
        assertTrue(report.intact());
        assertEquals(40, report.lastPosition());
        assertEquals(40, report.eventsChecked());
    }

    @Test
    void changed_data_is_named_as_altered_at_its_position() throws Exception {
        Path file = ledger();
        rawSql(file, "UPDATE events SET data = '{\"stream\":1,\"n\":999}' WHERE position = 17");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(17, report.firstBadPosition());
        assertEquals(Tampering.ALTERED, report.kind());
        assertEquals(16, report.lastPosition());
        assertMentions(report.summary(), "position 17", "altered");
    }

    @Test
    void a_changed_user_is_altered_too() throws Exception {
        Path file = ledger();
        rawSql(file, "UPDATE events SET user_name = 'mallory' WHERE position = 3");
        IntegrityReport report = verify(file);
        assertEquals(3, report.firstBadPosition());
        assertEquals(Tampering.ALTERED, report.kind());
    }

    @Test
    void a_deleted_row_is_named_as_removed() throws Exception {
        Path file = ledger();
        rawSql(file, "DELETE FROM events WHERE position = 25");
        IntegrityReport report = verify(file);
        assertEquals(25, report.firstBadPosition());
        assertEquals(Tampering.REMOVED, report.kind());
        assertEquals(24, report.lastPosition());
    }

    @Test
    void deleted_last_rows_are_named_as_removed() throws Exception {
        Path file = ledger();
        rawSql(file, "DELETE FROM events WHERE position >= 39");
        IntegrityReport report = verify(file);
        assertEquals(39, report.firstBadPosition());
        assertEquals(Tampering.REMOVED, report.kind());
    }

    @Test
    void a_deleted_row_with_the_rest_renumbered_is_named() throws Exception {
        Path file = ledger();
        deleteAndRenumber(file, 12);
        rawSql(file, "UPDATE ledger_meta SET value = '39' WHERE key = 'head_position'");
        IntegrityReport report = verify(file);
        assertEquals(12, report.firstBadPosition());
        assertEquals(Tampering.REMOVED, report.kind());
    }

    @Test
    void an_inserted_row_in_the_middle_is_named_as_inserted() throws Exception {
        Path file = ledger();
        for (int position = 40; position >= 20; position--) {
            rawSql(file, "UPDATE events SET position = " + (position + 1) + " WHERE position = " + position);
        }
        rawSql(file, "INSERT INTO events (position, event_id, stream_key, version, type, schema_version, data, user_name,"
                + " recorded_at, hash) SELECT 20, 'forged', stream_key, 99, 'Tested', 1, '{}', 'mallory',"
                + " recorded_at, randomblob(32) FROM events WHERE position = 19",
                "UPDATE ledger_meta SET value = '41' WHERE key = 'head_position'");
        IntegrityReport report = verify(file);
        assertEquals(20, report.firstBadPosition());
        assertEquals(Tampering.INSERTED, report.kind());
    }

    /** Adds a forged event at position 41, after the recorded head 40. */
    private static void addAfterTheHead(Path file) throws Exception {
        rawSql(file, "INSERT INTO events (position, event_id, stream_key, version, type, schema_version, data, user_name,"
                + " recorded_at, hash) SELECT 41, 'forged', stream_key, 99, 'Tested', 1, '{}', 'mallory',"
                + " recorded_at, randomblob(32) FROM events WHERE position = 40");
    }

    @Test
    void a_row_added_after_the_head_is_named_as_inserted() throws Exception {
        Path file = ledger();
        addAfterTheHead(file);
        IntegrityReport report = verify(file);
        assertEquals(41, report.firstBadPosition());
        assertEquals(Tampering.INSERTED, report.kind());
        assertEquals(40, report.lastPosition());
    }

    @Test
    void a_row_before_the_first_is_named_as_inserted() throws Exception {
        Path file = ledger();
        rawSql(file, "INSERT INTO events (position, event_id, stream_key, version, type, schema_version, data, user_name,"
                + " recorded_at, hash) VALUES (0, 'forged', 1, 99, 'Tested', 1, '{}', 'mallory', 0, zeroblob(32))");
        IntegrityReport report = verify(file);
        assertEquals(0, report.firstBadPosition());
        assertEquals(Tampering.INSERTED, report.kind());
    }

    @Test
    void two_swapped_rows_are_named_as_reordered() throws Exception {
        Path file = ledger();
        rawSql(file, "UPDATE events SET position = -1 WHERE position = 20",
                "UPDATE events SET position = 20 WHERE position = 21",
                "UPDATE events SET position = 21 WHERE position = -1");
        IntegrityReport report = verify(file);
        assertEquals(20, report.firstBadPosition());
        assertEquals(Tampering.REORDERED, report.kind());
        assertMentions(report.summary(), "position 20", "reordered", "21");
    }

    @Test
    void a_head_position_that_is_not_a_number_is_named() throws Exception {
        Path file = ledger();
        rawSql(file, "UPDATE ledger_meta SET value = 'abc' WHERE key = 'head_position'");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertMentions(report.summary(), "head position 'abc'", "not a number");
    }

    @Test
    void an_edited_stream_category_is_named() throws Exception {
        Path file = ledger();
        rawSql(file, "UPDATE streams SET category = 'archive' WHERE stream_id = 'account-test:2'");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertMentions(report.summary(), "account-test:2", "archive");
    }

    @Test
    void a_removed_last_event_of_a_stream_with_the_rest_renumbered_is_found_at_its_position() throws Exception {
        // position 10 is the last event of account-test:0: no stream misses a version, and without a stored previous
        // hash nothing tells this removal from an edit of the event now at position 10, so it is named as altered there
        Path file = ledger();
        deleteAndRenumber(file, 10);
        rawSql(file, "UPDATE ledger_meta SET value = '39' WHERE key = 'head_position'");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(10, report.firstBadPosition());
        assertEquals(9, report.lastPosition());
        assertEquals(Tampering.ALTERED, report.kind());
    }

    @Test
    void a_renumbered_removal_names_the_stream_that_misses_a_version() throws Exception {
        Path file = ledger();
        deleteAndRenumber(file, 12);
        IntegrityReport report = verify(file);
        assertEquals(Tampering.REMOVED, report.kind());
        assertMentions(report.summary(), "account-test:1", "version 2");
    }

    @Test
    void an_altered_event_in_a_ledger_of_interleaved_streams_is_not_taken_for_a_removal() throws Exception {
        Path file = folder.resolve("interleaved.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            for (int v = 0; v < 5; v++) {
                for (int s = 0; s < 3; s++) {
                    store.append(dev.eventscope.eventstore.StreamId.of("account-test:" + s),
                            dev.eventscope.eventstore.ExpectedVersion.ANY, java.util.List.of(new dev.eventscope.eventstore.NewEvent(
                                    "i-" + s + "-" + v, "Tested", 1, "{}", dev.eventscope.eventstore.EventMetadata.by("tester"))));
                }
            }
        }
        rawSql(file, "DROP TRIGGER events_are_immutable", "UPDATE events SET type = 'Forged' WHERE position = 8");
        IntegrityReport report = verify(file);
        assertEquals(8, report.firstBadPosition());
        assertEquals(Tampering.ALTERED, report.kind());
    }

    @Test
    void a_stream_version_that_disagrees_with_its_events_is_named_in_a_ledger_of_schema_2() throws Exception {
        // schema 2 kept each stream's version in its row; a ledger of it read as it is still has that row checked
        Path file = SchemaUpgradeTest.copyOfSample(folder, "small-business");
        rawSql(file, "UPDATE streams SET version = 7 WHERE stream_id = 'account-assets:bank:savings'");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertMentions(report.summary(), "account-assets:bank:savings", "recorded at version 7", "end at version 5");
    }

    // session 13, the adversary's trial: what the chain alone let through

    private static void post(Path file, String id) {
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            store.appendAll(List.of(new StreamAppend(StreamId.of("account-test:0"), ExpectedVersion.ANY,
                    List.of(new NewEvent(id, "Tested", 1, "{}", EventMetadata.by("tester"))))));
        } catch (ConcurrencyConflict impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Test
    void a_write_after_the_newest_event_was_deleted_is_refused_so_the_removal_stays_visible() throws Exception {
        // before: the next post reused position 40 and recorded it as the head, and the ledger verified intact
        Path file = ledger();
        rawSql(file, "DELETE FROM events WHERE position = 40");
        EventStoreException refused = assertThrows(EventStoreException.class, () -> post(file, "innocent"));
        assertMentions(refused.getMessage(), "Nothing was written", "up to position 40", "last event is at position 39",
                "eventscope verify");
        IntegrityReport report = verify(file);
        assertEquals(40, report.firstBadPosition());
        assertEquals(Tampering.REMOVED, report.kind());
    }

    @Test
    void a_write_after_an_event_was_added_beyond_the_head_is_refused() throws Exception {
        Path file = ledger();
        addAfterTheHead(file);
        EventStoreException refused = assertThrows(EventStoreException.class, () -> post(file, "innocent"));
        assertMentions(refused.getMessage(), "up to position 40", "holds events up to position 41");
        assertEquals(Tampering.INSERTED, verify(file).kind());
    }

    @Test
    void a_write_to_a_ledger_whose_head_position_was_deleted_is_refused_and_verify_names_it() throws Exception {
        Path file = ledger();
        rawSql(file, "DELETE FROM ledger_meta WHERE key = 'head_position'", "DELETE FROM events WHERE position = 40");
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertMentions(report.summary(), "no head position");
        assertMentions(assertThrows(EventStoreException.class, () -> post(file, "innocent")).getMessage(),
                "records no head position");
    }

    /** The summary of verifying an untouched six-event ledger (triggers in place) after {@code sql}; its chain holds. */
    private String besideAnIntactChainAfter(String... sql) throws Exception {
        Path file = ledgerWith(folder.resolve("guards.ledger"), 2, 3);
        rawSql(file, sql);
        IntegrityReport report = verify(file);
        assertFalse(report.intact());
        assertEquals(Tampering.METADATA, report.kind());
        assertEquals(6, report.lastPosition());
        return report.summary();
    }

    @Test
    void a_ledger_whose_guarding_trigger_was_dropped_is_named_although_its_chain_holds() throws Exception {
        assertMentions(besideAnIntactChainAfter("DROP TRIGGER events_are_permanent"), "events_are_permanent", "dropped");
    }

    @Test
    void a_guarding_trigger_replaced_by_one_that_lets_everything_through_is_named() throws Exception {
        assertMentions(besideAnIntactChainAfter("DROP TRIGGER events_are_immutable",
                "CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events BEGIN SELECT 1; END"),
                "events_are_immutable", "replaced by", "SELECT 1");
    }

    @Test
    void a_trigger_eventscope_never_writes_is_named() throws Exception {
        // code that would run inside every append, e.g. moving the head or filing streams elsewhere
        assertMentions(besideAnIntactChainAfter(
                "CREATE TRIGGER refile AFTER INSERT ON streams BEGIN UPDATE streams SET category = 'x' WHERE 0; END"),
                "never writes", "refile");
    }

    @Test
    void a_stream_recorded_without_any_event_is_named() throws Exception {
        // session 13 found it verified intact and was listed as an account never opened; the triggers stay in place
        assertMentions(besideAnIntactChainAfter("INSERT INTO streams (stream_key, stream_id, category)"
                + " VALUES (99, 'account-assets:hidden', 'account')"), "account-assets:hidden", "without any event");
    }
}
