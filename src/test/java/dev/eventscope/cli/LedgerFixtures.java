package dev.eventscope.cli;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Small real ledger files (SQLite) for the CLI tests, recorded at known times. */
final class LedgerFixtures {

    /** The time the first event is recorded at; the n-th event comes n - 1 seconds and microseconds later. */
    static final Instant FIRST_RECORDED = Instant.parse("2024-03-31T09:00:00Z");

    private LedgerFixtures() {
    }

    /** A ledger stream and two accounts; the bank account has three events, the last with tricky data. */
    static Path smallLedger(Path file) {
        append(file, "ledger", new NewEvent("event-1", "LedgerCreated", 1, "{\"name\":\"Acme\",\"baseCommodity\":\"EUR\"}",
                new EventMetadata("alice", "correlation-1", null, "CreateLedger")));
        append(file, "account-assets:bank", new NewEvent("event-2", "AccountOpened", 1, "{\"account\":\"assets:bank\"}",
                new EventMetadata("alice", "correlation-2", "event-1", "OpenAccount")));
        append(file, "account-income:sales", new NewEvent("event-3", "AccountOpened", 1, "{\"account\":\"income:sales\"}",
                new EventMetadata("alice", "correlation-3", null, "OpenAccount")));
        append(file, "account-assets:bank", new NewEvent("event-4", "PostingRecorded", 2,
                "{\"amount\":0.10,\"description\":\"Coffee, \\\"beans\\\"\\nline two\"}",
                new EventMetadata("bob", "correlation-4", "command-9", "PostEntry")));
        append(file, "account-assets:bank", new NewEvent("event-5", "PostingRecorded", 2,
                "{\"amount\":12.50,\"description\":\"Invoice 7\"}", EventMetadata.by("bob")));
        return file;
    }

    /** Appends one event to the ledger file (creating it), recorded at the time its position calls for. */
    static void append(Path file, String stream, NewEvent event) {
        long position;
        try (SqliteEventStore probe = SqliteEventStore.open(file)) {
            position = probe.lastPosition() + 1;
        }
        Instant recorded = FIRST_RECORDED.plusSeconds(position - 1).plusNanos((position - 1) * 1_000);
        try (SqliteEventStore store = SqliteEventStore.open(file, SqliteOptions.defaults()
                .withSynchronous(SqliteOptions.Synchronous.NORMAL).withClock(Clock.fixed(recorded, ZoneOffset.UTC)))) {
            store.append(StreamId.of(stream), ExpectedVersion.ANY, List.of(event));
        } catch (ConcurrencyConflict impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The hash the ledger file recorded for the event at a position. */
    static String hashAt(Path file, long position) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            return store.readAt(position).orElseThrow().hash();
        }
    }

    /** An existing file that is not a ledger. */
    static Path existingFile(Path folder, String name) {
        try {
            return Files.writeString(folder.resolve(name), "stand-in for a ledger file");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
