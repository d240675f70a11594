package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batches of events for some projections; events none of them decodes are left undecoded. One store cursor
 * serves batch after batch while each starts where the previous one ended (a cursor per batch would
 * read a page ahead and throw it away every time); any other start, or a short batch (the end of the
 * ledger for now), closes it and the next batch opens a new one. Synchronized: a prefetch that was
 * given up may still be running when the next batch is asked for.
 */
final class BatchSource implements AutoCloseable {

    private final EventStore store;
    private final EventCodec codec;
    private final List<Projection> readers;
    private final int size;
    private EventCursor cursor;
    private long cursorAfter = -1;

    BatchSource(EventStore store, EventCodec codec, List<Projection> readers, int size) {
        this.store = store;
        this.codec = codec;
        this.readers = readers;
        this.size = size;
    }

    synchronized List<DecodedEvent> read(long after) {
        if (cursor == null || after != cursorAfter) {
            close();
            cursor = store.readAllForProjections(after, categoriesRead(readers));
        }
        List<DecodedEvent> batch = new ArrayList<>(Math.min(size, 10_000));
        try {
            while (batch.size() < size && cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                batch.add(decodedFor(recorded) ? codec.decodeValue(recorded)
                        : new DecodedEvent.Unreadable(recorded, "not decoded: no projection of this batch reads it"));
            }
        } catch (RuntimeException failed) {
            close();
            throw failed;
        }
        if (batch.size() < size) {
            close();
        } else {
            cursorAfter = batch.get(batch.size() - 1).recorded().position();
        }
        return batch;
    }

    /** The stream categories a batch for these projections must hold; empty when one of them reads every event. */
    private static Set<String> categoriesRead(List<Projection> readers) {
        Set<String> categories = new HashSet<>();
        for (Projection reader : readers) {
            if (reader.streamCategories().isEmpty()) {
                return Set.of();
            }
            categories.addAll(reader.streamCategories());
        }
        return categories;
    }

    private boolean decodedFor(RecordedEvent recorded) {
        for (Projection reader : readers) {
            if (reader.decodes(recorded)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
