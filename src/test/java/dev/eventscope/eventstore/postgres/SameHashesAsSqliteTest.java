package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL store duplicates the SQLite store's canonical encoding (docs/hash-chain.md); the
 * same events, recorded at the same time, must give the same hash at every position and the same
 * head hash from {@code verify} in either store. Null metadata, non-ASCII text and several streams
 * per append are covered, since each touches a different part of the encoding.
 */
class SameHashesAsSqliteTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-31T09:15:30.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    @DisplayName("given the same events at the same recorded time, when both stores append them, then every hash and the verified head hash agree")
    void both_stores_chain_the_same_events_to_the_same_hashes() throws Exception {
        List<List<StreamAppend>> appends = appends();
        try (EventStore sqlite = SqliteEventStore.open(folder.resolve("same.ledger"), SqliteOptions.defaults().withClock(FIXED));
             EventStore postgres = PostgresEventStore.create(TestPostgres.freshUrl(), PostgresOptions.defaults().withClock(FIXED))) {
            // the first appends go through a bulk, which chains in Java; the rest through append_events, which
            // chains in SQL: one chain, both encodings
            try (BulkAppend bulk = postgres.beginBulkAppend()) {
                for (List<StreamAppend> append : appends.subList(0, 3)) {
                    sqlite.appendAll(append);
                    bulk.append(append);
                }
                bulk.commit();
            }
            for (List<StreamAppend> append : appends.subList(3, appends.size())) {
                sqlite.appendAll(append);
                postgres.appendAll(append);
            }
            List<String> sqliteHashes = hashes(sqlite);
            List<String> postgresHashes = hashes(postgres);
            assertEquals(11, sqliteHashes.size());
            assertEquals(sqliteHashes, postgresHashes);
            IntegrityReport fromSqlite = sqlite.verify();
            IntegrityReport fromPostgres = postgres.verify();
            assertTrue(fromPostgres.intact(), fromPostgres.summary());
            assertEquals(fromSqlite.headHash(), fromPostgres.headHash());
            assertEquals(fromSqlite.summary(), fromPostgres.summary());
        }
    }

    private static List<List<StreamAppend>> appends() {
        StreamId cash = StreamId.of("account-assets:cash");
        StreamId cafe = StreamId.of("account-expenses:café");
        NewEvent opened = new NewEvent("e-1", "AccountOpened", 2, "{\"account\":\"assets:cash\"}", EventMetadata.by("alice"));
        NewEvent openedCafe = new NewEvent("e-2", "AccountOpened", 2, "{\"account\":\"expenses:café\"}",
                new EventMetadata("bob", "corr-1", null, "OpenAccount"));
        List<List<StreamAppend>> appends = new ArrayList<>();
        appends.add(List.of(new StreamAppend(cash, ExpectedVersion.NO_STREAM, List.of(opened))));
        appends.add(List.of(new StreamAppend(cafe, ExpectedVersion.NO_STREAM, List.of(openedCafe))));
        for (int i = 0; i < 2; i++) {
            EventMetadata metadata = new EventMetadata("ünïcode-user", "entry-" + i, "command-" + i, "PostEntry");
            appends.add(List.of(
                    new StreamAppend(cash, ExpectedVersion.exactly(1 + i), List.of(new NewEvent("p-" + i + "-a",
                            "PostingRecorded", 1, "{\"amount\":\"-4.50\",\"note\":\"☕ " + i + "\"}", metadata))),
                    new StreamAppend(cafe, ExpectedVersion.ANY, List.of(new NewEvent("p-" + i + "-b",
                            "PostingRecorded", 1, "{\"amount\":\"4.50\"}", metadata)))));
        }
        // several events of one stream in one append (their versions are counted on the server), and a
        // character outside the BMP (four UTF-8 bytes, a surrogate pair in Java)
        EventMetadata receipts = new EventMetadata("dana", "", null, "Import");
        appends.add(List.of(
                new StreamAppend(cash, ExpectedVersion.exactly(3), List.of(
                        new NewEvent("m-1", "PostingRecorded", 1, "{\"note\":\"🧾 receipt\"}", receipts),
                        new NewEvent("m-2", "PostingRecorded", 1, "{}", receipts))),
                new StreamAppend(StreamId.of("account-new"), ExpectedVersion.NO_STREAM, List.of(
                        new NewEvent("m-3", "AccountOpened", 2, "{\"account\":\"new\"}", receipts),
                        new NewEvent("m-4", "PostingRecorded", 1, "{\"amount\":\"0.01\"}", receipts)))));
        appends.add(List.of(new StreamAppend(cash, ExpectedVersion.ANY,
                List.of(new NewEvent("e-last", "AccountFrozen", 1, "{}", new EventMetadata("carol", null, null, null))))));
        return appends;
    }

    private static List<String> hashes(EventStore store) {
        List<String> hashes = new ArrayList<>();
        for (long position = 1; position <= store.lastPosition(); position++) {
            RecordedEvent event = store.readAt(position).orElseThrow();
            hashes.add(event.position() + " " + event.recordedAtMicros() + " " + event.hash());
        }
        return hashes;
    }
}
