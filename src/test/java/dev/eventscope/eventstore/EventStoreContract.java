package dev.eventscope.eventstore;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promises every {@link EventStore} adapter keeps. An adapter's test extends this class and
 * says how to make an empty store.
 */
public abstract class EventStoreContract {

    protected EventStore store;
    private int eventCounter;

    /** A new, empty, writable store. */
    protected abstract EventStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected NewEvent event(String type, String data) {
        eventCounter++;
        return new NewEvent("event-" + eventCounter + "-" + System.nanoTime(), type, 1, data,
                new EventMetadata("alice", "correlation-" + eventCounter, "causation-" + eventCounter, "PostEntry"));
    }

    protected List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("Something" + (i % 3), "{\"n\":" + i + "}"));
        }
        return events;
    }

    private static final StreamId CASH = StreamId.of("account-assets:cash");
    private static final StreamId SALES = StreamId.of("account-income:sales");
    private static final StreamId LEDGER = StreamId.of("ledger");

    @Nested
    @DisplayName("appending to one stream")
    class AppendingToOneStream {

        @Test
        void a_new_stream_gets_versions_from_1_and_positions_from_1() throws Exception {
            AppendResult result = store.append(CASH, ExpectedVersion.NO_STREAM, events(3));
            assertEquals(List.of(1L, 2L, 3L), result.positions());
            assertEquals(3, result.versionOf(CASH));
            assertEquals(3, store.streamVersion(CASH));
            assertEquals(3, store.lastPosition());
        }

        @Test
        void the_exact_expected_version_lets_the_append_through() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(2));
            AppendResult result = store.append(CASH, ExpectedVersion.exactly(2), events(1));
            assertEquals(List.of(3L), result.positions());
            assertEquals(3, result.versionOf(CASH));
        }

        @Test
        void a_wrong_expected_version_is_a_conflict_naming_stream_expected_and_actual_and_writes_nothing() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(2));
            ConcurrencyConflict conflict = assertThrows(ConcurrencyConflict.class,
                    () -> store.append(CASH, ExpectedVersion.exactly(1), events(1)));
            assertEquals(CASH, conflict.stream());
            assertEquals(ExpectedVersion.exactly(1), conflict.expected());
            assertEquals(2, conflict.actualVersion());
            assertMentions(conflict.getMessage(), "account-assets:cash", "version 1", "version 2");
            assertEquals(2, store.lastPosition());
        }

        @Test
        void no_stream_is_refused_when_the_stream_exists() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(1));
            assertThrows(ConcurrencyConflict.class, () -> store.append(CASH, ExpectedVersion.NO_STREAM, events(1)));
        }

        @Test
        void stream_exists_is_refused_when_the_stream_does_not() {
            ConcurrencyConflict conflict = assertThrows(ConcurrencyConflict.class,
                    () -> store.append(CASH, ExpectedVersion.STREAM_EXISTS, events(1)));
            assertEquals(0, conflict.actualVersion());
            assertEquals(0, store.lastPosition());
        }

        @Test
        void any_version_always_appends() throws Exception {
            store.append(CASH, ExpectedVersion.ANY, events(1));
            store.append(CASH, ExpectedVersion.ANY, events(1));
            assertEquals(2, store.streamVersion(CASH));
        }
    }

    @Nested
    @DisplayName("appending to several streams at once")
    class AppendingToSeveralStreams {

        @Test
        void all_streams_are_written_in_one_go_with_consecutive_positions() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(1));
            AppendResult result = store.appendAll(List.of(
                    new StreamAppend(CASH, ExpectedVersion.exactly(1), events(1)),
                    new StreamAppend(SALES, ExpectedVersion.NO_STREAM, events(2))));
            assertEquals(List.of(2L, 3L, 4L), result.positions());
            assertEquals(2, result.versionOf(CASH));
            assertEquals(2, result.versionOf(SALES));
        }

        @Test
        void one_conflict_means_nothing_is_written_to_any_stream() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(1));
            assertThrows(ConcurrencyConflict.class, () -> store.appendAll(List.of(
                    new StreamAppend(SALES, ExpectedVersion.NO_STREAM, events(2)),
                    new StreamAppend(CASH, ExpectedVersion.exactly(7), events(1)))));
            assertEquals(0, store.streamVersion(SALES));
            assertEquals(1, store.streamVersion(CASH));
            assertEquals(1, store.lastPosition());
        }

        @Test
        void a_stream_with_no_events_is_a_pure_version_check() throws Exception {
            store.append(LEDGER, ExpectedVersion.NO_STREAM, events(1));
            AppendResult result = store.appendAll(List.of(
                    new StreamAppend(LEDGER, ExpectedVersion.exactly(1), List.of()),
                    new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(1))));
            assertEquals(List.of(2L), result.positions());
            assertEquals(1, store.streamVersion(LEDGER));
            assertThrows(ConcurrencyConflict.class, () -> store.appendAll(List.of(
                    new StreamAppend(LEDGER, ExpectedVersion.exactly(0), List.of()),
                    new StreamAppend(SALES, ExpectedVersion.NO_STREAM, events(1)))));
            assertEquals(0, store.streamVersion(SALES));
        }

        @Test
        void the_same_stream_twice_in_one_append_is_refused() {
            assertThrows(EventStoreException.class, () -> store.appendAll(List.of(
                    new StreamAppend(CASH, ExpectedVersion.ANY, events(1)),
                    new StreamAppend(CASH, ExpectedVersion.ANY, events(1)))));
            assertEquals(0, store.lastPosition());
        }
    }

    @Nested
    @DisplayName("a bulk append")
    class Bulk {

        @Test
        void many_appends_in_one_transaction_become_visible_at_commit() throws Exception {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(2))));
                AppendResult second = bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.exactly(2), events(1)),
                        new StreamAppend(SALES, ExpectedVersion.NO_STREAM, events(1))));
                assertEquals(List.of(3L, 4L), second.positions());
                bulk.commit();
            }
            assertEquals(4, store.lastPosition());
            assertEquals(3, store.streamVersion(CASH));
            assertTrue(store.verify().intact());
        }

        @Test
        void closing_without_commit_writes_nothing() throws Exception {
            store.append(LEDGER, ExpectedVersion.NO_STREAM, events(1));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(5))));
            }
            assertEquals(1, store.lastPosition());
            assertEquals(0, store.streamVersion(CASH));
            store.append(CASH, ExpectedVersion.NO_STREAM, events(1));
            assertEquals(2, store.lastPosition());
        }

        @Test
        void a_conflict_inside_stops_the_bulk_and_nothing_of_it_is_written() throws Exception {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(2))));
                assertThrows(ConcurrencyConflict.class,
                        () -> bulk.append(List.of(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events(1)))));
                assertThrows(EventStoreException.class, bulk::commit);
            }
            assertEquals(0, store.lastPosition());
        }
    }

    @Nested
    @DisplayName("retrying an append")
    class RetryingAnAppend {

        @Test
        void repeating_stored_event_ids_writes_nothing_and_returns_the_original_positions() throws Exception {
            store.append(SALES, ExpectedVersion.NO_STREAM, events(1));
            List<NewEvent> batch = events(2);
            AppendResult first = store.append(CASH, ExpectedVersion.NO_STREAM, batch);
            AppendResult retry = store.append(CASH, ExpectedVersion.NO_STREAM, batch);
            assertEquals(first.positions(), retry.positions());
            assertTrue(retry.alreadyStored());
            assertEquals(3, store.lastPosition());
            assertEquals(2, store.streamVersion(CASH));
        }

        @Test
        void a_mix_of_stored_and_new_event_ids_is_refused_and_writes_nothing() throws Exception {
            List<NewEvent> batch = events(1);
            store.append(CASH, ExpectedVersion.NO_STREAM, batch);
            List<NewEvent> mixed = new ArrayList<>(batch);
            mixed.add(event("Other", "{}"));
            EventStoreException refused = assertThrows(EventStoreException.class,
                    () -> store.append(CASH, ExpectedVersion.ANY, mixed));
            assertMentions(refused.getMessage(), batch.get(0).eventId());
            assertEquals(1, store.lastPosition());
        }

        @Test
        void an_event_id_stored_elsewhere_later_in_the_batch_is_refused_and_writes_nothing() throws Exception {
            List<NewEvent> batch = events(1);
            store.append(CASH, ExpectedVersion.NO_STREAM, batch);
            List<NewEvent> clash = new ArrayList<>(events(1));
            clash.add(batch.get(0));
            assertThrows(EventStoreException.class, () -> store.append(SALES, ExpectedVersion.ANY, clash));
            assertEquals(1, store.lastPosition());
            assertEquals(0, store.streamVersion(SALES));
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        void a_stream_reads_forward_and_backward_from_a_version_with_a_limit() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(5));
            store.append(SALES, ExpectedVersion.NO_STREAM, events(2));
            assertEquals(List.of(2L, 3L, 4L), versions(store.readStream(CASH, 2, Direction.FORWARD, 3)));
            assertEquals(List.of(4L, 3L), versions(store.readStream(CASH, 4, Direction.BACKWARD, 2)));
            assertEquals(List.of(5L, 4L, 3L, 2L, 1L), versions(store.readStream(CASH, Long.MAX_VALUE, Direction.BACKWARD, 100)));
            assertTrue(store.readStream(StreamId.of("account-nothing"), 1, Direction.FORWARD, 10).isEmpty());
        }

        @Test
        void a_stream_s_stamps_are_its_events_versions_positions_and_recorded_times_in_order() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(3));
            store.append(SALES, ExpectedVersion.NO_STREAM, events(2));
            store.append(CASH, ExpectedVersion.exactly(3), events(1_200));
            List<String> expected = new ArrayList<>();
            long version = 1;
            while (true) {
                List<RecordedEvent> page = store.readStream(CASH, version, Direction.FORWARD, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (RecordedEvent event : page) {
                    expected.add(event.version() + "@" + event.position() + "/" + event.recordedAtMicros());
                    version = event.version() + 1;
                }
            }
            List<String> stamps = new ArrayList<>();
            store.streamStamps(CASH, (eventVersion, position, recorded) -> stamps.add(eventVersion + "@" + position + "/" + recorded));
            assertEquals(1_203, stamps.size());
            assertEquals(expected, stamps);
            List<String> none = new ArrayList<>();
            store.streamStamps(StreamId.of("account-nothing"), (eventVersion, position, recorded) -> none.add("?"));
            assertTrue(none.isEmpty());
        }

        @Test
        void the_whole_ledger_reads_from_a_position_across_many_pages() throws Exception {
            for (int i = 0; i < 9; i++) {
                store.append(StreamId.of("account-a" + i), ExpectedVersion.NO_STREAM, events(500));
            }
            long expected = 1001;
            try (EventCursor cursor = store.readAll(1000)) {
                while (cursor.hasNext()) {
                    assertEquals(expected++, cursor.next().position());
                }
            }
            assertEquals(4501, expected);
        }

        @Test
        void reading_some_stream_categories_gives_exactly_their_events_in_order_across_pages() throws Exception {
            List<StreamId> streams = List.of(StreamId.of("account-a"), StreamId.of("entry-e1"), StreamId.of("ledger"),
                    StreamId.of("account-b"), StreamId.of("entry-e2"));
            for (int round = 0; round < 40; round++) {
                for (StreamId stream : streams) {
                    store.append(stream, ExpectedVersion.ANY, events(round % 2 == 0 ? 37 : 11));
                }
            }
            for (Set<String> categories : List.of(Set.of("entry", "ledger"), Set.of("account"), Set.of("nothing"))) {
                for (long after : List.of(0L, 1L, 999L, 2500L)) {
                    List<Long> expected = new ArrayList<>();
                    try (EventCursor all = store.readAll(after)) {
                        all.forEachRemaining(event -> {
                            if (categories.contains(event.streamId().category())) {
                                expected.add(event.position());
                            }
                        });
                    }
                    List<Long> read = new ArrayList<>();
                    try (EventCursor some = store.readAll(after, categories)) {
                        some.forEachRemaining(event -> read.add(event.position()));
                    }
                    assertEquals(expected, read, categories + " after " + after);
                }
            }
            try (EventCursor all = store.readAll(0, Set.of())) {
                long count = 0;
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
                assertEquals(store.lastPosition(), count);
            }
        }

        @Test
        void an_event_is_read_back_with_all_its_metadata() throws Exception {
            NewEvent written = event("PostingRecorded", "{\"amount\":\"12.50\",\"commodity\":\"EUR\"}");
            store.append(CASH, ExpectedVersion.NO_STREAM, List.of(written));
            RecordedEvent read = store.readAt(1).orElseThrow();
            assertEquals(written.eventId(), read.eventId());
            assertEquals(CASH, read.streamId());
            assertEquals(1, read.version());
            assertEquals("PostingRecorded", read.type());
            assertEquals(1, read.schemaVersion());
            assertEquals(written.data(), read.data());
            assertEquals(written.metadata(), read.metadata());
            assertTrue(read.recordedAtMicros() > 0);
            assertEquals(64, read.hash().length());
            assertFalse(store.readAt(2).isPresent());
        }

        @Test
        void streams_are_listed_with_category_version_and_last_position_and_can_be_filtered() throws Exception {
            store.append(LEDGER, ExpectedVersion.NO_STREAM, events(1));
            store.append(CASH, ExpectedVersion.NO_STREAM, events(2));
            store.append(SALES, ExpectedVersion.NO_STREAM, events(1));
            List<StreamInfo> all = store.streams(StreamFilter.ALL);
            assertEquals(List.of("account-assets:cash", "account-income:sales", "ledger"),
                    all.stream().map(s -> s.streamId().value()).toList());
            assertEquals(new StreamInfo(CASH, "account", 2, 3), all.get(0));
            assertEquals(2, store.streams(StreamFilter.category("account")).size());
            assertEquals(List.of(SALES), store.streams(StreamFilter.namePattern("*income*")).stream().map(StreamInfo::streamId).toList());
            assertEquals(3, store.countStreams(StreamFilter.ALL));
            assertEquals(2, store.countStreams(StreamFilter.category("account")));
            assertEquals(1, store.countStreams(StreamFilter.namePattern("*income*")));
            assertEquals(4, store.lastPosition());
        }
    }

    @Nested
    @DisplayName("snapshots")
    class Snapshots {

        @Test
        void the_latest_snapshot_at_or_below_a_version_with_the_same_schema_is_loaded() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(10));
            store.saveSnapshot(new Snapshot(CASH, 3, "AccountState", 1, "{\"v\":3}"));
            store.saveSnapshot(new Snapshot(CASH, 7, "AccountState", 1, "{\"v\":7}"));
            store.saveSnapshot(new Snapshot(CASH, 9, "AccountState", 2, "{\"v\":9}"));
            assertEquals(7, store.loadSnapshot(CASH, 8, 1).orElseThrow().version());
            assertEquals(3, store.loadSnapshot(CASH, 6, 1).orElseThrow().version());
            assertEquals("{\"v\":9}", store.loadSnapshot(CASH, 10, 2).orElseThrow().data());
            assertFalse(store.loadSnapshot(CASH, 2, 1).isPresent());
            assertFalse(store.loadSnapshot(CASH, 10, 3).isPresent(), "a snapshot of another state schema is ignored");
        }

        @Test
        void the_snapshots_a_store_lists_are_ones_that_were_saved_and_anchored() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(4));
            Snapshot saved = new Snapshot(CASH, 3, "AccountState", 1, "{\"v\":3}");
            store.saveSnapshot(saved);
            List<StoredSnapshot> listed = new ArrayList<>();
            store.snapshots(listed::add);
            // a store without snapshots of its own (the interface's default) lists none
            assertTrue(listed.size() <= 1, listed.toString());
            for (StoredSnapshot snapshot : listed) {
                assertEquals(saved, snapshot.snapshot());
                assertTrue(snapshot.anchored(), snapshot.problem());
            }
        }

        @Test
        void a_snapshot_beyond_the_stream_is_refused() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(2));
            assertThrows(EventStoreException.class, () -> store.saveSnapshot(new Snapshot(CASH, 5, "AccountState", 1, "{}")));
        }
    }

    @Nested
    @DisplayName("integrity and notification")
    class IntegrityAndNotification {

        @Test
        void an_untouched_store_verifies_intact_through_its_last_position() throws Exception {
            assertTrue(store.verify().intact());
            store.append(CASH, ExpectedVersion.NO_STREAM, events(20));
            IntegrityReport report = store.verify();
            assertTrue(report.intact());
            assertEquals(20, report.lastPosition());
            assertEquals(store.readAt(20).orElseThrow().hash(), report.headHash());
            assertTrue(report.summary().startsWith("intact through position 20"), report.summary());
        }

        @Test
        void a_verification_hands_every_event_it_vouched_for_to_its_observer_in_order() throws Exception {
            store.append(CASH, ExpectedVersion.NO_STREAM, events(7));
            store.append(SALES, ExpectedVersion.NO_STREAM, events(5));
            List<RecordedEvent> observed = new ArrayList<>();
            IntegrityReport report = store.verify(observed::add);
            assertEquals(store.verify(), report);
            List<RecordedEvent> all = new ArrayList<>();
            try (EventCursor cursor = store.readAll(0)) {
                cursor.forEachRemaining(all::add);
            }
            assertEquals(all, observed);
            assertEquals(12, report.lastPosition());
        }

        @Test
        void listeners_hear_of_new_positions() throws Exception {
            List<long[]> heard = new CopyOnWriteArrayList<>();
            try (AutoCloseable subscription = store.subscribe((from, to) -> heard.add(new long[] {from, to}))) {
                store.append(CASH, ExpectedVersion.NO_STREAM, events(3));
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> !heard.isEmpty() && heard.get(heard.size() - 1)[1] == 3);
            }
            assertEquals(1, heard.get(0)[0]);
            assertEquals(3, heard.get(heard.size() - 1)[1]);
        }
    }

    private static List<Long> versions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::version).toList();
    }
}
