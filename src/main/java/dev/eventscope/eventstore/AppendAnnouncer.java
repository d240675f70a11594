package dev.eventscope.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The listeners of one store and how far they have been told, shared by both adapters' change
 * watchers: each range of new positions is announced once, in order, whichever thread learns of it
 * first (the store's own commit, or the poll or notification that sees another process's append). A
 * listener that throws does not stop the others; {@code failed} hears of it.
 */
public final class AppendAnnouncer {

    private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<AppendListener, RuntimeException> failed;
    private long announcedThrough = -1;

    public AppendAnnouncer(BiConsumer<AppendListener, RuntimeException> failed) {
        this.failed = failed;
    }

    /** Starts counting from {@code position} unless counting has started already. */
    public synchronized void startAt(long position) {
        if (announcedThrough < 0) {
            announcedThrough = position;
        }
    }

    /** Adds a listener; closing the handle removes it. */
    public AutoCloseable add(AppendListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener of the positions after the last announced one up to {@code toPosition}, if any. */
    public synchronized void announceThrough(long toPosition) {
        long from = announcedThrough;
        if (toPosition <= from) {
            return;
        }
        announcedThrough = toPosition;
        for (AppendListener listener : listeners) {
            try {
                listener.eventsAppended(from + 1, toPosition);
            } catch (RuntimeException e) {
                failed.accept(listener, e);
            }
        }
    }

    public void clear() {
        listeners.clear();
    }
}
