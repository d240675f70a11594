package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import decides on one thread and writes on another (issue 15); all or nothing must hold whichever stage fails,
 * and however late: a failure of the writing thread near the end, or a parse error on the journal's last line.
 */
class PipelinedImportTest {

    @TempDir
    Path folder;

    private static final CommandContext ALICE = CommandContext.byUser("alice");
    private static final int ENTRIES = 1_500;

    private ImportSummary importInto(Path ledger, Path journal) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            return new JournalImporter(LedgerCommandService.create(store))
                    .importJournal(journal, JournalImporter.Options.defaults(), ALICE, ImportProgress.NONE);
        }
    }

    /** {@code entries} entries over a handful of accounts, then {@code lastLines}. */
    private Path journal(String name, int entries, String lastLines) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= entries; i++) {
            // the earlier import's entries (name "earlier…") come first in time: accounts are opened on their first use
            LocalDate start = name.startsWith("earlier") ? LocalDate.of(2024, 1, 1) : LocalDate.of(2025, 1, 1);
            text.append(start.plusDays(i % 300)).append(" Sale ").append(i).append('\n')
                    .append("    assets:bank   ").append(i % 97 + 1).append(".50 EUR\n")
                    .append("    income:store-").append(i % 7).append('\n');
        }
        text.append(lastLines);
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A ledger with one earlier import in it; returns its last position. */
    private long earlierImport(Path ledger) throws Exception {
        importInto(ledger, journal("earlier.journal", 3, ""));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return store.lastPosition();
        }
    }

    private static List<String> events(SqliteEventStore store) {
        List<String> events = new ArrayList<>();
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                events.add(event.position() + " " + event.streamId() + "@" + event.version() + " " + event.type() + " "
                        + event.data());
            }
        }
        return events;
    }

    private static List<String> snapshots(SqliteEventStore store) {
        List<String> snapshots = new ArrayList<>();
        store.snapshots((StoredSnapshot stored) -> snapshots.add(stored.snapshot().stream() + "@"
                + stored.snapshot().version() + " " + stored.snapshot().data()));
        return snapshots;
    }

    private static boolean writerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("eventscope-import-writer") && thread.isAlive());
    }

    @Test
    void a_failure_of_the_writing_thread_near_the_end_leaves_the_ledger_as_it_was() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        long before = earlierImport(ledger);
        List<String> eventsBefore;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            eventsBefore = events(store);
        }
        // the disk "fails" on one of the import's last entries: long after the deciding thread has handed most over
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement statement = sql.createStatement()) {
            statement.execute("CREATE TRIGGER failing_disk BEFORE INSERT ON streams WHEN NEW.stream_id = 'entry-E001490'"
                    + " BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");
        }
        Path journal = journal("books.journal", ENTRIES, "");

        RuntimeException failed = assertThrows(RuntimeException.class, () -> importInto(ledger, journal));

        assertMentions(failed.getMessage(), "simulated disk failure");
        assertFalse(writerThreadAlive(), "the writing thread ended with the import");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertEquals(before, store.lastPosition());
            assertEquals(eventsBefore, events(store));
        }
        // the write lock and the file are free again: the same journal imports once the disk works
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement statement = sql.createStatement()) {
            statement.execute("DROP TRIGGER failing_disk");
        }
        // verified once the test's own trigger is gone: verify names a trigger Eventscope never writes as an edit
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertTrue(store.verify().intact());
        }
        ImportSummary summary = importInto(ledger, journal);
        assertEquals(ENTRIES, summary.entries());
        assertEquals(before + summary.events(), summary.lastPosition() + 1, "the import's own record comes last");
    }

    @Test
    void a_parse_error_on_the_last_line_leaves_the_ledger_as_it_was() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        long before = earlierImport(ledger);
        Path journal = journal("books.journal", ENTRIES, """
                2025-12-31 The last one
                    assets:bank   12..5 EUR
                    income:store-1
                """);

        JournalImportException refused = assertThrows(JournalImportException.class, () -> importInto(ledger, journal));

        assertMentions(refused.getMessage(), "books.journal:" + (3 * ENTRIES + 2) + ":", "ledger is unchanged");
        assertFalse(writerThreadAlive());
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            assertEquals(before, store.lastPosition());
            assertTrue(store.verify().intact());
        }
    }

    @Test
    void a_pipelined_session_writes_what_a_direct_one_writes() throws Exception {
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateLedger("books", "EUR"));
        commands.add(new OpenAccount(AccountName.of("assets:bank"), LocalDate.of(2025, 1, 1), null, null));
        for (int i = 0; i < 7; i++) {
            commands.add(new OpenAccount(AccountName.of("income:store-" + i), LocalDate.of(2025, 1, 1), "store " + i, null));
        }
        // 250 entries: the bank account's stream passes two snapshot intervals
        try (JournalReader reader = JournalReader.open(new StringReader(Files.readString(journal("j.journal", 250, ""))),
                "j.journal", JournalReadListener.NONE)) {
            int number = 1;
            while (reader.hasNext()) {
                commands.add(JournalImporter.toCommand(EntryId.of("E" + number++), (JournalTransaction) reader.next()));
            }
        }
        List<List<String>> written = new ArrayList<>();
        List<long[]> tracked = new ArrayList<>();
        for (boolean pipelined : new boolean[] {false, true}) {
            Path ledger = folder.resolve(pipelined + ".ledger");
            try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
                LedgerCommandService service = new LedgerCommandService(store, dev.eventscope.application.BookkeepingCodec.create(),
                        new CountingIds(), LedgerCommandService.Settings.defaults());
                long events = 0;
                try (ImportSession session = pipelined ? service.beginPipelinedImport(ALICE) : service.beginImport(ALICE)) {
                    for (Object command : commands) {
                        events += session.submit(command, command instanceof dev.eventscope.domain.ledger.EntryCommand);
                    }
                    session.commit();
                    tracked.add(session.trackedPositions());
                }
                assertEquals(store.lastPosition(), events);
                List<String> both = new ArrayList<>(events(store));
                both.addAll(snapshots(store));
                written.add(both);
            }
        }
        assertEquals(written.get(0), written.get(1));
        assertArrayEquals(tracked.get(0), tracked.get(1));
        assertEquals(10, tracked.get(1)[0], "the first entry's first event follows the ledger and its eight accounts");
        assertTrue(written.get(1).stream().anyMatch(line -> line.startsWith("account-assets:bank@200 ")),
                "snapshots are written by the writing thread too");
    }

    @Test
    void a_pipelined_session_closed_without_commit_writes_nothing_and_lets_the_lock_go() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            LedgerCommandService service = LedgerCommandService.create(store);
            try (ImportSession session = service.beginPipelinedImport(ALICE)) {
                for (int i = 0; i < 300; i++) {
                    session.submit(i == 0 ? new CreateLedger("books", "EUR")
                            : new OpenAccount(AccountName.of("assets:a" + i), LocalDate.of(2025, 1, 1), null, null), false);
                }
            }
            assertEquals(0, store.lastPosition());
            assertFalse(writerThreadAlive());
            try (ImportSession session = service.beginImport(ALICE)) {
                session.execute(new CreateLedger("books", "EUR"));
                session.commit();
            }
            assertEquals(1, store.lastPosition());
        }
    }

    /** Event ids 1, 2, 3, …: the two sessions' events are then equal, ids included. */
    private static final class CountingIds implements dev.eventscope.application.IdGenerator {
        private long next;

        @Override
        public String nextId() {
            return "id-" + ++next;
        }
    }
}
