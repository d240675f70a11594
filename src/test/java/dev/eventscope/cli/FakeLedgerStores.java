package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ledger files known to the test, each backed by an {@link InMemoryEventStore}; any other path is
 * "not a ledger", as the real store says. Records how each file was opened.
 */
final class FakeLedgerStores implements LedgerStoreFactory {

    private final Map<Path, InMemoryEventStore> ledgers = new HashMap<>();
    private final List<String> openings = new ArrayList<>();
    private final List<InMemoryEventStore> opened = new ArrayList<>();

    FakeLedgerStores with(Path file, InMemoryEventStore store) {
        ledgers.put(file, store);
        return this;
    }

    /** "read-only FILE" or "read-write FILE", in the order the command opened them. */
    List<String> openings() {
        return openings;
    }

    List<InMemoryEventStore> opened() {
        return opened;
    }

    @Override
    public EventStore open(Path file) {
        openings.add("read-write " + file);
        return known(file);
    }

    @Override
    public EventStore openReadOnly(Path file) {
        openings.add("read-only " + file);
        InMemoryEventStore view = known(file).readOnlyView();
        opened.add(view);
        return view;
    }

    private InMemoryEventStore known(Path file) {
        InMemoryEventStore store = ledgers.get(file);
        if (store == null) {
            throw new EventStoreException("The file " + file + " is not an Eventscope ledger.");
        }
        return store;
    }
}
