package dev.eventscope.cli;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small ledgers for the CLI tests. */
final class LedgerFixtures {

    private LedgerFixtures() {
    }

    /** A ledger stream and two accounts; the bank account has three events, the last with tricky data. */
    static InMemoryEventStore smallLedger() {
        InMemoryEventStore store = new InMemoryEventStore();
        append(store, "ledger", new NewEvent("event-1", "LedgerCreated", 1, "{\"name\":\"Acme\",\"baseCommodity\":\"EUR\"}",
                new EventMetadata("alice", "correlation-1", null, "CreateLedger")));
        append(store, "account-assets:bank", new NewEvent("event-2", "AccountOpened", 1, "{\"account\":\"assets:bank\"}",
                new EventMetadata("alice", "correlation-2", "event-1", "OpenAccount")));
        append(store, "account-income:sales", new NewEvent("event-3", "AccountOpened", 1, "{\"account\":\"income:sales\"}",
                new EventMetadata("alice", "correlation-3", null, "OpenAccount")));
        append(store, "account-assets:bank", new NewEvent("event-4", "PostingRecorded", 2,
                "{\"amount\":0.10,\"description\":\"Coffee, \\\"beans\\\"\\nline two\"}",
                new EventMetadata("bob", "correlation-4", "command-9", "PostEntry")));
        append(store, "account-assets:bank", new NewEvent("event-5", "PostingRecorded", 2,
                "{\"amount\":12.50,\"description\":\"Invoice 7\"}", EventMetadata.by("bob")));
        return store;
    }

    static void append(InMemoryEventStore store, String stream, NewEvent event) {
        try {
            store.append(StreamId.of(stream), ExpectedVersion.ANY, List.of(event));
        } catch (ConcurrencyConflict impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An existing file, so that the "does the file exist" check passes and the fake store decides. */
    static Path existingFile(Path folder, String name) {
        try {
            return Files.writeString(folder.resolve(name), "stand-in for a ledger file");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
