package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.List;
import java.util.Set;

/**
 * A read model kept up to date from the ledger's events in global order. It owns the tables it
 * declares and changes them only in {@link #apply}, which the engine calls with batches of events in
 * position order inside one transaction that also moves the projection's checkpoint; so the read
 * model and the checkpoint never disagree. An exception stops the projection at that event, with a
 * report; an event is never skipped silently. Changing {@link #version()} makes the engine rebuild
 * the read model from position 0.
 */
public interface Projection {

    /** A stable lower-case name, such as {@code balances}. */
    String name();

    /** The version of the read model's shape and logic; a different version means a rebuild. */
    int version();

    /** The tables of the read model. */
    List<TableDefinition> tables();

    /**
     * Whether {@link #apply} reads this event's decoded value or JSON. Events no projection of a batch
     * needs are not decoded (decoding is about half of a rebuild's work): they reach {@code apply} as a
     * {@link DecodedEvent.Unreadable} with the reason "not decoded", and {@code apply} must look only at their
     * {@link DecodedEvent#recorded()} event. Default: every event is decoded.
     */
    default boolean decodes(RecordedEvent event) {
        return true;
    }

    /**
     * The stream categories whose events this projection reads (such as {@code account}); empty, the
     * default, means every event. A rebuild of this projection alone then reads only those streams: an
     * event of another category never reaches {@link #apply} there, so a projection that names categories
     * must not depend on any other event.
     */
    default Set<String> streamCategories() {
        return Set.of();
    }

    /**
     * Called in the transaction that swaps a rebuilt generation in, after its indexes are built, with its
     * tables: a projection that did not keep a table up to date while building (one that is a function of
     * the others) fills it here. Default: nothing.
     */
    default void rebuilt(ReadModelTables tables) {
    }

    /**
     * Called when a catch-up has applied every event there was, in a transaction of its own, with the
     * tables in service: a projection that keeps something derived from many events (such as an index by
     * another order) brings it up to date here, once per catch-up instead of once per batch. Default: nothing.
     */
    default void caughtUp(ReadModelTables tables) {
    }

    /** Applies events (in position order, none seen before) to the tables. */
    void apply(List<DecodedEvent> events, ReadModelTables tables);
}
