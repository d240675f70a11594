package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk writes its events with {@code COPY} in the text format, whose escapes (backslash, tab, newline,
 * carriage return, {@code \N} for null) must not change a byte: every text comes back exactly as given,
 * and the chain hashed in Java over the given text verifies over the stored one. A bulk holds the head lock
 * from its first append to its commit and keeps the head and the streams it touched on the client, writing
 * their rows once before the commit: what it answers inside the bulk (versions, retries, conflicts) must be
 * what the rows say afterwards, and a failed bulk must leave no stream behind.
 */
class PostgresBulkAppendTest {

    private static final List<String> AWKWARD = List.of("tab\there", "new\nline", "carriage\rreturn", "back\\slash",
            "\\N", "\\x00", "quote \" and ' and {\"json\": \"a\\tb\"}", "café 日本 \uD83D\uDE00", "", "trailing\\");

    @Test
    @DisplayName("given texts with COPY's special characters, when they are appended in a bulk, then they are stored unchanged and the chain verifies")
    void awkward_texts_survive_the_bulk_copy_unchanged() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        List<NewEvent> written = new ArrayList<>();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            try (BulkAppend bulk = store.beginBulkAppend()) {
                for (int batch = 0; batch < 3; batch++) {
                    List<NewEvent> events = new ArrayList<>();
                    for (int i = 0; i < AWKWARD.size(); i++) {
                        String text = AWKWARD.get(i);
                        events.add(new NewEvent("e-" + batch + "-" + i, "Type" + text, i + 1, "{\"v\":\"" + text + "\"}" + text,
                                new EventMetadata(text.isEmpty() ? "u" : text, i % 2 == 0 ? null : text, i % 3 == 0 ? null : text,
                                        i % 4 == 0 ? null : text)));
                    }
                    written.addAll(events);
                    bulk.append(List.of(new StreamAppend(StreamId.of("account-" + batch), ExpectedVersion.NO_STREAM, events)));
                }
                bulk.commit();
            }
            List<RecordedEvent> stored = new ArrayList<>();
            try (EventCursor cursor = store.readAll(0)) {
                cursor.forEachRemaining(stored::add);
            }
            assertEquals(written.size(), stored.size());
            for (int i = 0; i < written.size(); i++) {
                NewEvent given = written.get(i);
                RecordedEvent back = stored.get(i);
                assertEquals(i + 1, back.position());
                assertEquals(given.eventId(), back.eventId());
                assertEquals(given.type(), back.type());
                assertEquals(given.schemaVersion(), back.schemaVersion());
                assertEquals(given.data(), back.data());
                assertEquals(given.metadata(), back.metadata());
            }
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(written.size(), report.lastPosition());
        }
    }

    private static final StreamId A = StreamId.of("account-a");
    private static final StreamId B = StreamId.of("account-b");
    private static final StreamId C = StreamId.of("account-c");
    private static final StreamId D = StreamId.of("account-d");

    private static List<NewEvent> events(String... ids) {
        List<NewEvent> events = new ArrayList<>();
        for (String id : ids) {
            events.add(new NewEvent(id, "Posted", 1, "{\"id\":\"" + id + "\"}", new EventMetadata("u", null, null, "Post")));
        }
        return events;
    }

    @Test
    @DisplayName("given a bulk that appends, retries and appends again to streams it touched, then its answers match the rows after the commit")
    void streams_and_head_kept_by_the_bulk_match_the_rows_after_the_commit() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            store.append(A, ExpectedVersion.NO_STREAM, events("a1", "a2"));
            try (BulkAppend bulk = store.beginBulkAppend()) {
                assertEquals(List.of(3L), bulk.append(List.of(new StreamAppend(A, ExpectedVersion.exactly(2), events("a3")))).positions());
                assertEquals(List.of(4L, 5L), bulk.append(List.of(new StreamAppend(B, ExpectedVersion.NO_STREAM, events("b1", "b2"))))
                        .positions());
                // a retry of this bulk's own append: its stream's row still says version 2, the bulk knows 3
                AppendResult retried = bulk.append(List.of(new StreamAppend(A, ExpectedVersion.exactly(2), events("a3"))));
                assertTrue(retried.alreadyStored());
                assertEquals(List.of(3L), retried.positions());
                assertEquals(Map.of(A, 3L), retried.streamVersions());
                AppendResult committedBefore = bulk.append(List.of(new StreamAppend(A, ExpectedVersion.NO_STREAM, events("a1", "a2"))));
                assertTrue(committedBefore.alreadyStored());
                assertEquals(List.of(1L, 2L), committedBefore.positions());
                // an expected version checked against the bulk's own count, not the row's
                assertEquals(List.of(6L), bulk.append(List.of(new StreamAppend(A, ExpectedVersion.exactly(3), events("a4")))).positions());
                AppendResult withEmpty = bulk.append(List.of(new StreamAppend(C, ExpectedVersion.ANY, List.of()),
                        new StreamAppend(B, ExpectedVersion.exactly(2), events("b3"))));
                assertEquals(List.of(7L), withEmpty.positions());
                assertEquals(Map.of(C, 0L, B, 3L), withEmpty.streamVersions());
                assertEquals(2, store.lastPosition(), "nothing of an open bulk is seen outside it");
                bulk.commit();
            }
            assertEquals(7, store.lastPosition());
            assertEquals(List.of(new StreamInfo(A, "account", 4, 6), new StreamInfo(B, "account", 3, 7)),
                    store.streams(StreamFilter.ALL));
            IntegrityReport report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(7, report.lastPosition());

            try (BulkAppend bulk = store.beginBulkAppend()) {
                bulk.append(List.of(new StreamAppend(D, ExpectedVersion.NO_STREAM, events("d1"))));
                assertThrows(ConcurrencyConflict.class,
                        () -> bulk.append(List.of(new StreamAppend(A, ExpectedVersion.exactly(99), events("a5")))));
            }
            assertEquals(7, store.lastPosition());
            assertEquals(0, store.streamVersion(D));
            assertEquals(2, store.streams(StreamFilter.ALL).size(), "the failed bulk's new stream was rolled back");
            // after the bulks, a one-statement append and a function append find the rows the bulk wrote
            assertEquals(List.of(8L), store.append(A, ExpectedVersion.exactly(4), events("a5")).positions());
            assertEquals(List.of(9L, 10L), store.appendAll(List.of(new StreamAppend(B, ExpectedVersion.exactly(3), events("b4")),
                    new StreamAppend(D, ExpectedVersion.NO_STREAM, events("d1")))).positions());
            report = store.verify();
            assertTrue(report.intact(), report.summary());
            assertEquals(10, report.lastPosition());
        }
    }
}
