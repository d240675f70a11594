package dev.eventscope.ui;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.projection.Projections;
import dev.eventscope.timetravel.TimeTravel;

import java.nio.file.Path;

/**
 * An open ledger: its file, its store, whether it was opened read-only (as an auditor), and its read
 * models (projections and time travel, opened on first use and kept caught up for the whole session
 * by the projections panel's model).
 */
public record LedgerSession(Path file, EventStore store, boolean readOnly, LedgerReadModels readModels) {

    public LedgerSession(Path file, EventStore store, boolean readOnly) {
        this(file, store, readOnly, new LedgerReadModels(file, store));
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** The session's projection engine (opened on first call, which may do I/O: call it off the UI thread). */
    public Projections projections() {
        return readModels.projections();
    }

    /** Time travel over the session's ledger (opened on first call, off the UI thread). */
    public TimeTravel timeTravel() {
        return readModels.timeTravel();
    }
}
