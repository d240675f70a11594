package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-statement append decides the plain cases itself and hands every other one back, having written
 * nothing, so that {@code append_events} answers it: a version not met, a stream that exists already, a
 * stream that does not exist, an event id stored already. What it writes chains like the rest (verify).
 */
class OneStreamAppendTest {

    private static final StreamId CASH = StreamId.of("account-cash");

    @Test
    @DisplayName("given a ledger, when one stream's events are appended in one statement, then it writes them and hands back every case it cannot decide, writing nothing")
    void writes_the_plain_cases_and_hands_back_the_others() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (Connection connection = PostgresConnections.open(url, PostgresOptions.defaults());
             PostgresEventStore store = PostgresEventStore.open(url)) {
            OneStreamAppend statement = new OneStreamAppend(connection, url.schema(), Optional.empty());

            AppendResult created = statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events("a", 1)));
            assertNotNull(created, "a new stream with one event is written by the statement");
            assertEquals(List.of(1L), created.positions());
            assertEquals(1L, created.versionOf(CASH));

            AppendResult moved = statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(1), events("b", 3)));
            assertNotNull(moved, "three events on an existing stream at the expected version");
            assertEquals(List.of(2L, 3L, 4L), moved.positions());
            assertEquals(4L, moved.versionOf(CASH));
            AppendResult next = statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(4), events("e", 1)));
            assertNotNull(next, "one event on an existing stream at the expected version");
            assertEquals(List.of(5L), next.positions());
            assertEquals(5L, next.versionOf(CASH));
            assertNotNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.ANY, events("c", 1))));
            assertNotNull(statement.tryAppend(new StreamAppend(StreamId.of("account-new"), ExpectedVersion.NO_STREAM,
                    events("d", 2))));
            AppendResult byName = statement.tryAppend(new StreamAppend(StreamId.of("account-new"), ExpectedVersion.exactly(2),
                    events("f", 1)));
            assertNotNull(byName, "one event on a stream whose key the statement has not met yet");
            assertEquals(3L, byName.versionOf(StreamId.of("account-new")));

            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(2), events("x1", 1))),
                    "a version not met");
            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events("x2", 1))),
                    "a stream that exists already");
            assertNull(statement.tryAppend(new StreamAppend(StreamId.of("account-none"), ExpectedVersion.ANY, events("x3", 1))),
                    "a stream that does not exist yet, with any version: append_events creates it");
            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(9), events("x5", 1))),
                    "a version the stream has not reached");
            assertNull(statement.tryAppend(new StreamAppend(StreamId.of("account-none"), ExpectedVersion.exactly(1),
                    events("x6", 1))), "a version of a stream that does not exist");
            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(4), events("x7", 2))),
                    "two events on a version not met");
            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(6), events("b", 1))),
                    "an event id stored already");
            assertNull(statement.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(6), List.of(event("x4-0"), event("b-1")))),
                    "a new event id beside a stored one");

            assertEquals(9, store.lastPosition(), "nothing of the handed-back appends was written");
            assertEquals(6, store.streamVersion(CASH));
            assertEquals(0, store.streamVersion(StreamId.of("account-none")), "no stream was created by a handed-back append");
            assertTrue(store.verify().intact(), store.verify().summary());
        }
    }

    @Test
    @DisplayName("given a writer that wrote a stream's versions, when it appends one event expected at one of them without probing it, then another writer's appends in between are still refused or chained as they must be")
    void skips_the_probe_only_for_versions_it_wrote() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        try (Connection first = PostgresConnections.open(url, PostgresOptions.defaults());
             Connection second = PostgresConnections.open(url, PostgresOptions.defaults());
             PostgresEventStore store = PostgresEventStore.open(url)) {
            OneStreamAppend writer = new OneStreamAppend(first, url.schema(), Optional.empty());
            OneStreamAppend other = new OneStreamAppend(second, url.schema(), Optional.empty());
            StreamId card = StreamId.of("account-card");

            assertNotNull(writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.NO_STREAM, events("a", 1))));
            assertEquals(List.of(2L), writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(1), events("b", 1)))
                    .positions(), "version 1 was written by this writer: no probe");
            assertEquals(List.of(3L), other.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(2), events("c", 1)))
                    .positions(), "the other writer moves the stream to version 3");
            assertNull(writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(2), events("x1", 1))),
                    "version 2 is not the stream's last any more: the unique key refuses version 3 again");
            assertNull(writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(1), events("x2", 1))),
                    "nor version 2, expected at a version it wrote long ago");
            assertEquals(List.of(4L), writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(3), events("d", 1)))
                    .positions(), "version 3, which this writer did not write, is probed and found");
            assertNull(writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(5), events("x3", 1))),
                    "a version above every one written is probed, and not found");
            assertNotNull(other.tryAppend(new StreamAppend(card, ExpectedVersion.NO_STREAM, events("e", 1))));
            assertEquals(List.of(6L), writer.tryAppend(new StreamAppend(CASH, ExpectedVersion.exactly(4), events("f", 1)))
                    .positions(), "another stream's append in between: the next position, chained from it");

            assertEquals(6, store.lastPosition(), "nothing of the refused appends was written");
            assertEquals(5, store.streamVersion(CASH));
            assertTrue(store.verify().intact(), store.verify().summary());
        }
    }

    private static List<NewEvent> events(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> event(prefix + "-" + i)).toList();
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{\"id\":\"" + id + "\"}", EventMetadata.by("tester"));
    }
}
