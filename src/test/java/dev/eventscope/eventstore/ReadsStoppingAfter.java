package dev.eventscope.eventstore;

/**
 * A store whose whole-ledger reads fail past a position, as a first open or catch-up that a crash stops midway leaves
 * the read models.
 */
public final class ReadsStoppingAfter extends ForwardingEventStore {

    private final long stopAfter;

    public ReadsStoppingAfter(EventStore delegate, long stopAfter) {
        super(delegate);
        this.stopAfter = stopAfter;
    }

    @Override
    public EventCursor readAll(long afterPosition) {
        EventCursor events = super.readAll(afterPosition);
        return new EventCursor() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public RecordedEvent next() {
                RecordedEvent next = events.next();
                if (next.position() > stopAfter) {
                    throw new IllegalStateException("the read stops after position " + stopAfter);
                }
                return next;
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }
}
