package dev.eventscope.projection.search;

/**
 * How far a search index's long work is: the upgrade of an older index when it is opened, or the indexing of the events
 * recorded since the last search. Told after each batch, from the thread doing the work; {@code total} may be 0 when
 * nothing is to be done.
 */
@FunctionalInterface
public interface IndexingProgress {

    /** Hears nothing. */
    IndexingProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} documents (events) handled so far. */
    void reached(long done, long total);
}
