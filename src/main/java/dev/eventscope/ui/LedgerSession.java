package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStore;

import java.nio.file.Path;

/** An open ledger: its file, its store and whether it was opened read-only (as an auditor). */
public record LedgerSession(Path file, EventStore store, boolean readOnly) {

    public String fileName() {
        return file.getFileName().toString();
    }
}
