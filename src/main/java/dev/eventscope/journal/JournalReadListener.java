package dev.eventscope.journal;

/** Hears about a journal being read: progress every so many lines, and each warning. Both default to no-ops. */
public interface JournalReadListener {

    JournalReadListener NONE = new JournalReadListener() { };

    /** Called every {@link JournalReader#PROGRESS_EVERY_LINES} lines and once at the end. */
    default void progress(long linesRead, long bytesRead) {
    }

    default void warning(JournalWarning warning) {
    }
}
