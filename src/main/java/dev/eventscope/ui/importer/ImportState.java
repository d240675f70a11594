package dev.eventscope.ui.importer;

/** Where an import stands. */
public enum ImportState {
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
}
