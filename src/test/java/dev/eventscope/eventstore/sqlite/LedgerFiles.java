package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/** Test helpers that make ledgers and poke at their files directly. */
final class LedgerFiles {

    private LedgerFiles() {
    }

    /** A closed ledger with {@code streams} streams of {@code eventsPerStream} events each. */
    static Path ledgerWith(Path file, int streams, int eventsPerStream) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(file)) {
            for (int s = 0; s < streams; s++) {
                StreamId stream = StreamId.of("account-test:" + s);
                for (int v = 0; v < eventsPerStream; v++) {
                    store.append(stream, ExpectedVersion.ANY, List.of(new NewEvent("e-" + s + "-" + v, "Tested", 1,
                            "{\"stream\":" + s + ",\"n\":" + v + "}", EventMetadata.by("tester"))));
                }
            }
        }
        return file;
    }

    /** A closed ledger of {@code events} events on one stream, written in one transaction. */
    static Path bigLedger(Path file, int events) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(file);
             dev.eventscope.eventstore.BulkAppend bulk = store.beginBulkAppend()) {
            StreamId stream = StreamId.of("account-test:big");
            for (int n = 0; n < events; n++) {
                bulk.append(List.of(new dev.eventscope.eventstore.StreamAppend(stream, ExpectedVersion.ANY,
                        List.of(new NewEvent("big-" + n, "Tested", 1, "{\"n\":" + n + "}", EventMetadata.by("tester"))))));
            }
            bulk.commit();
        }
        return file;
    }

    /** Runs raw SQL on the file, as someone with a plain SQLite tool would. */
    static void rawSql(Path file, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
