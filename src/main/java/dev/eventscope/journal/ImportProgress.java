package dev.eventscope.journal;

/** Told how far an import has got; called on the importing thread. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() { };

    /**
     * {@code phase} is "checking" (the first pass over the file) or "importing"; {@code bytesRead}
     * of {@code totalBytes} of the file, {@code entries} entries so far in this phase.
     */
    default void progress(String phase, long bytesRead, long totalBytes, long entries) {
    }

    /** A line of the journal that was skipped (an unsupported directive, for instance). */
    default void warning(JournalWarning warning) {
    }

    /** Return true to stop the import; everything is rolled back. */
    default boolean cancelled() {
        return false;
    }
}
