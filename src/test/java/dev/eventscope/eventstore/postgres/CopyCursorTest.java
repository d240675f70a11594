package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventRows;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.Direction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-ledger cursor's binary {@code COPY} ({@link CopyCursor}, read ahead by {@link PrefetchingCursor}): every
 * column reads back as written, checked against the stream reads (plain JDBC, text format: another decoder); rows
 * cut anywhere across the server's messages read the same; closing midway ends the server's {@code COPY}; a backend
 * ended midway is reported in one sentence naming the last position handed out, after every event before it.
 */
class CopyCursorTest {

    private static final Instant RECORDED = Instant.parse("2026-12-03T10:15:30.123456Z");
    private static final String ODD_CATEGORY = "o'brien\\x";

    /** A ledger too large for the socket buffers and the read-ahead together: 15,000 events of 2 KB. */
    private static PostgresLedgerUrl large;

    @BeforeAll
    static void writeLargeLedger() throws Exception {
        large = TestPostgres.freshLedger();
        String data = "{\"text\":\"" + "x".repeat(2_000) + "\"}";
        try (PostgresEventStore store = PostgresEventStore.open(large); BulkAppend bulk = store.beginBulkAppend()) {
            for (int b = 0; b < 15; b++) {
                List<NewEvent> batch = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    batch.add(new NewEvent("large-" + b + "-" + i, "Big", 1, data, EventMetadata.by("bench")));
                }
                bulk.append(List.of(new StreamAppend(StreamId.of("big-" + b), ExpectedVersion.NO_STREAM, batch)));
            }
            bulk.commit();
        }
    }

    /** Events with every column's edge: null metadata, text outside ASCII and the BMP, control characters, 200 KB of data. */
    private static PostgresLedgerUrl ledgerWithEveryKindOfColumn() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url, PostgresOptions.defaults()
                .withClock(Clock.fixed(RECORDED, ZoneOffset.UTC)), false)) {
            store.append(StreamId.of("account-assets:bank"), ExpectedVersion.NO_STREAM, List.of(
                    new NewEvent("e-1", "PostingRecorded", 1, "{\"amount\":\"0.10\"}",
                            new EventMetadata("alice", "corr-1", "cause-1", "PostEntry")),
                    new NewEvent("e-2", "Übertrag", 3, "{\"text\":\"Grüße 😀 \\t tab, \\\\ backslash, \\n newline\"}",
                            new EventMetadata("zoë", null, null, null))));
            store.append(StreamId.of(ODD_CATEGORY + "-1"), ExpectedVersion.NO_STREAM, List.of(
                    new NewEvent("e-3", "Odd", 1, "{\"big\":\"" + "é".repeat(100_000) + "\"}", new EventMetadata("", null, "c", null))));
            store.append(StreamId.of("account-assets:bank"), ExpectedVersion.exactly(2), List.of(
                    new NewEvent("e-4", "PostingRecorded", 1, "{}", EventMetadata.by("bob"))));
        }
        return url;
    }

    private static List<RecordedEvent> readAll(EventCursor cursor) {
        try (cursor) {
            List<RecordedEvent> events = new ArrayList<>();
            cursor.forEachRemaining(events::add);
            return events;
        }
    }

    @Test
    @DisplayName("given events with every kind of column, when the whole ledger is read, then each reads back as the stream reads give it, in position order, with its microseconds")
    void every_column_reads_back_as_written() throws Exception {
        PostgresLedgerUrl url = ledgerWithEveryKindOfColumn();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            List<RecordedEvent> expected = new ArrayList<>();
            for (StreamInfo stream : store.streams(StreamFilter.ALL)) {
                expected.addAll(store.readStream(stream.streamId(), 1, Direction.FORWARD, 100));
            }
            expected.sort(Comparator.comparingLong(RecordedEvent::position));
            assertEquals(4, expected.size());

            List<RecordedEvent> all = readAll(store.readAll(0));
            assertEquals(expected, all);
            assertEquals(List.of(1L, 2L, 3L, 4L), all.stream().map(RecordedEvent::position).toList());
            for (RecordedEvent event : all) {
                assertEquals(RECORDED, event.recordedAt(), "microseconds kept at position " + event.position());
                assertEquals(64, event.hash().length());
            }
            assertEquals(new EventMetadata("zoë", null, null, null), all.get(1).metadata());
            assertEquals(expected.subList(2, 4), readAll(store.readAll(2)));
            assertEquals(List.of(expected.get(2)), readAll(store.readAll(0, Set.of(ODD_CATEGORY))));
            assertEquals(List.of(expected.get(3)), readAll(store.readAll(2, Set.of("account", "none'"))));
            assertEquals(List.of(), readAll(store.readAll(4)));
        }
    }

    @Test
    @DisplayName("given the server's binary COPY cut into messages anywhere, even one byte each, when it is read, then the events are the same")
    void rows_cut_anywhere_across_messages_read_the_same() throws Exception {
        PostgresLedgerUrl url = ledgerWithEveryKindOfColumn();
        List<RecordedEvent> expected;
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            expected = readAll(store.readAll(0));
        }
        byte[] stream;
        Map<Long, StreamId> names = new HashMap<>();
        try (Connection admin = TestPostgres.admin()) {
            CopyOut copy = admin.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + EventRows.COLUMNS + " FROM "
                    + url.schema() + ".events e ORDER BY e.position) TO STDOUT (FORMAT binary)");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] message = copy.readFromCopy(); message != null; message = copy.readFromCopy()) {
                bytes.write(message);
            }
            stream = bytes.toByteArray();
            try (PreparedStatement query = admin.prepareStatement("SELECT stream_key, stream_id FROM " + url.schema() + ".streams");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getLong(1), StreamId.of(rows.getString(2)));
                }
            }
        }
        Random random = new Random(14);
        for (int largest : new int[] {1, 2, 7, 19, 4_096, stream.length}) {
            List<byte[]> messages = new ArrayList<>();
            for (int at = 0; at < stream.length; ) {
                int size = Math.min(stream.length - at, 1 + random.nextInt(largest));
                messages.add(Arrays.copyOfRange(stream, at, at + size));
                at += size;
            }
            try (Connection unused = TestPostgres.admin()) {
                CopyCursor cursor = new CopyCursor(unused, new Messages(messages), names::get, (e, last) -> new EventStoreException(
                        "failed after " + last + ": " + e.getMessage(), e));
                assertEquals(expected, readAll(cursor), "messages of at most " + largest + " bytes");
            }
        }
        List<byte[]> cut = List.of(Arrays.copyOf(stream, stream.length - 10));
        try (Connection unused = TestPostgres.admin()) {
            CopyCursor cursor = new CopyCursor(unused, new Messages(cut), names::get, (e, last) -> new EventStoreException(
                    "failed after " + last + ": " + e.getMessage(), e));
            EventStoreException failure = assertThrows(EventStoreException.class, () -> readAll(cursor));
            assertMentions(failure.getMessage(), "failed after 3", "unexpected binary COPY data");
        }
    }

    /** The COPY of the large ledger's events while it runs: its backends' process ids. */
    private static List<Long> copyBackends() throws Exception {
        try (Connection admin = TestPostgres.admin(); PreparedStatement query = admin.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE query LIKE ? AND pid <> pg_backend_pid()")) {
            query.setString(1, "COPY (SELECT % FROM " + large.schema() + ".events %");
            List<Long> pids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
            return pids;
        }
    }

    @Test
    @DisplayName("given a whole-ledger cursor read only a little way, when it is closed, then the server's COPY and its backend end")
    void closing_midway_ends_the_servers_copy() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> copyBackends().isEmpty());
        try (PostgresEventStore store = PostgresEventStore.open(large)) {
            EventCursor cursor = store.readAll(0);
            assertEquals(1, cursor.next().position());
            assertEquals(1, copyBackends().size(), "the COPY runs while the cursor is open");
            cursor.close();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> copyBackends().isEmpty());
            assertEquals(1, readAll(store.readAll(14_999)).size(), "the store reads on after a cursor was closed midway");
        }
    }

    @Test
    @DisplayName("given a whole-ledger cursor whose backend the server ends midway, when it is read on, then every event before it arrives and then one sentence names the lost connection and the last position")
    void a_backend_ended_midway_is_reported_after_the_events_before_it() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> copyBackends().isEmpty());
        try (PostgresEventStore store = PostgresEventStore.open(large); EventCursor cursor = store.readAll(0)) {
            assertEquals(1, cursor.next().position());
            List<Long> backends = copyBackends();
            assertEquals(1, backends.size());
            try (Connection admin = TestPostgres.admin();
                 PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, backends.get(0).intValue());
                kill.execute();
            }
            long last = 1;
            EventStoreException lost = null;
            try {
                while (cursor.hasNext()) {
                    long position = cursor.next().position();
                    assertEquals(last + 1, position, "no event is skipped before the failure");
                    last = position;
                }
            } catch (EventStoreException failure) {
                lost = failure;
            }
            assertTrue(lost != null, "the read failed; it ended at position " + last + " of 15000");
            assertTrue(last < 15_000);
            assertMentions(lost.getMessage(), "Could not read the events of the ledger " + large, "connection to the PostgreSQL server",
                    "was lost after position " + last + " ", "read again");
        }
    }

    /** A COPY whose messages are given. */
    private static final class Messages implements CopyOut {

        private final List<byte[]> messages;
        private int next;

        Messages(List<byte[]> messages) {
            this.messages = messages;
        }

        @Override
        public byte[] readFromCopy() {
            return next < messages.size() ? messages.get(next++) : null;
        }

        @Override
        public byte[] readFromCopy(boolean block) {
            return readFromCopy();
        }

        @Override
        public int getFieldCount() {
            return 13;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return next < messages.size();
        }

        @Override
        public void cancelCopy() {
            next = messages.size();
        }

        @Override
        public long getHandledRowCount() {
            return -1;
        }
    }
}
