package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk writes its events with {@code COPY} in the text format, whose escapes (backslash, tab, newline,
 * carriage return, {@code \N} for null) must not change a byte: every text comes back exactly as given,
 * and the chain hashed in Java over the given text verifies over the stored one.
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
}
