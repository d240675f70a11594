package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two desktops on one PostgreSQL ledger: one store listens, another store (its own connections, as
 * on another machine) appends; LISTEN/NOTIFY tells the listener within a second, with the exact
 * positions, in order and never twice. Another ledger's appends in the same database are not heard.
 */
class PostgresChangeNotificationTest {

    private static NewEvent event(String id) {
        return new NewEvent(id, "Something", 1, "{}", EventMetadata.by("bob"));
    }

    @Test
    @DisplayName("given a listener on one store, when another store appends, then it hears the new positions within one second")
    void another_store_s_appends_are_heard_within_one_second() throws Exception {
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        PostgresLedgerUrl otherLedger = TestPostgres.freshLedger();
        List<long[]> heard = new CopyOnWriteArrayList<>();
        try (PostgresEventStore watcher = PostgresEventStore.open(url);
             PostgresEventStore writer = PostgresEventStore.open(url);
             PostgresEventStore elsewhere = PostgresEventStore.open(otherLedger)) {
            writer.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(event("before")));
            try (AutoCloseable subscription = watcher.subscribe((from, to) -> heard.add(new long[] {from, to}))) {
                elsewhere.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(event("elsewhere-1"),
                        event("elsewhere-2"), event("elsewhere-3"), event("elsewhere-4"), event("elsewhere-5")));
                writer.append(StreamId.of("account-a"), ExpectedVersion.NO_STREAM, List.of(event("a-1"), event("a-2")));
                await().atMost(Duration.ofSeconds(1)).until(() -> !heard.isEmpty() && heard.get(heard.size() - 1)[1] == 3);

                writer.append(StreamId.of("account-a"), ExpectedVersion.exactly(2), List.of(event("a-3")));
                await().atMost(Duration.ofSeconds(1)).until(() -> heard.get(heard.size() - 1)[1] == 4);
            }
        }
        assertEquals(2, heard.get(0)[0], "the first range starts after the position current at subscription");
        assertFollowEachOther(heard);
    }

    private static void assertFollowEachOther(List<long[]> heard) {
        for (int i = 1; i < heard.size(); i++) {
            assertEquals(heard.get(i - 1)[1] + 1, heard.get(i)[0], "ranges follow each other without gaps or repeats");
        }
    }

    @Test
    @DisplayName("given a listener, when another store copies a ledger in, appends to two streams at once and commits a bulk, then it hears each")
    void copies_multi_stream_appends_and_bulks_are_heard() throws Exception {
        PostgresLedgerUrl source = TestPostgres.freshLedger();
        PostgresLedgerUrl url = TestPostgres.freshLedger();
        List<long[]> heard = new CopyOnWriteArrayList<>();
        try (PostgresEventStore from = PostgresEventStore.open(source);
             PostgresEventStore watcher = PostgresEventStore.open(url);
             PostgresEventStore writer = PostgresEventStore.open(url)) {
            from.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, List.of(event("c-1"), event("c-2")));
            try (AutoCloseable subscription = watcher.subscribe((first, last) -> heard.add(new long[] {first, last}))) {
                writer.copyFrom(from, "the source ledger");
                await().atMost(Duration.ofSeconds(1)).until(() -> !heard.isEmpty() && heard.get(heard.size() - 1)[1] == 2);
                writer.appendAll(List.of(new StreamAppend(StreamId.of("account-a"), ExpectedVersion.NO_STREAM, List.of(event("m-1"))),
                        new StreamAppend(StreamId.of("account-b"), ExpectedVersion.NO_STREAM, List.of(event("m-2")))));
                await().atMost(Duration.ofSeconds(1)).until(() -> heard.get(heard.size() - 1)[1] == 4);
                try (BulkAppend bulk = writer.beginBulkAppend()) {
                    bulk.append(List.of(new StreamAppend(StreamId.of("account-a"), ExpectedVersion.exactly(1), List.of(event("b-1")))));
                    bulk.append(List.of(new StreamAppend(StreamId.of("account-c"), ExpectedVersion.NO_STREAM,
                            List.of(event("b-2"), event("b-3")))));
                    bulk.commit();
                }
                await().atMost(Duration.ofSeconds(1)).until(() -> heard.get(heard.size() - 1)[1] == 7);
            }
        }
        assertEquals(1, heard.get(0)[0]);
        assertFollowEachOther(heard);
    }
}
