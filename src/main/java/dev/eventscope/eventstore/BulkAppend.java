package dev.eventscope.eventstore;

import java.util.List;

/**
 * Many appends in ONE transaction, for imports that must be all or nothing yet stream through more
 * events than fit in memory. Nothing is visible to readers until {@link #commit}; {@link #close}
 * without a commit rolls everything back. While it is open, other writers wait. After a failed
 * append (a conflict or an error) the bulk can only be closed.
 */
public interface BulkAppend extends AutoCloseable {

    /** Appends inside the open transaction, with the same checks as {@link EventStore#appendAll}. */
    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict;

    /** Makes every append of this bulk durable and visible, at once. */
    void commit();

    /** Rolls back unless committed. */
    @Override
    void close();
}
