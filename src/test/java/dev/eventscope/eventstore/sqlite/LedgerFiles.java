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
