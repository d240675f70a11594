package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;

import java.util.List;

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

    /** Applies events (in position order, none seen before) to the tables. */
    void apply(List<DecodedEvent> events, ReadModelTables tables);
}
