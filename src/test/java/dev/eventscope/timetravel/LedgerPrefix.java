package dev.eventscope.timetravel;

import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.eventstore.sqlite.SqliteOptions;
import dev.eventscope.testing.SettableClock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A fresh ledger file holding only a prefix of another ledger's events (those up to a position, or recorded at or
 * before a time): the same event ids, streams, data, metadata, positions and recorded times, written through the
 * ordinary append (so its own hash chain, and no snapshot, checkpoint or read model of the original). What the
 * original says "as of" the prefix's end must be what the copy says at its head.
 */
public final class LedgerPrefix {

    private LedgerPrefix() {
    }

    /** Copies the events of {@code source} that {@code keep} accepts, which must be a prefix, into {@code target}; returns its last position. */
    public static long copy(Path source, Path target, Predicate<RecordedEvent> keep) {
        List<List<RecordedEvent>> byRecordedTime = new ArrayList<>();
        try (SqliteEventStore from = SqliteEventStore.openReadOnly(source); EventCursor cursor = from.readAll(0)) {
            boolean ended = false;
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (!keep.test(event)) {
                    ended = true;
                    continue;
                }
                if (ended) {
                    throw new IllegalArgumentException("The events kept are not a prefix: #" + event.position() + " after one left out.");
                }
                List<RecordedEvent> last = byRecordedTime.isEmpty() ? null : byRecordedTime.get(byRecordedTime.size() - 1);
                if (last != null && last.get(0).recordedAtMicros() == event.recordedAtMicros()) {
                    last.add(event);
                } else {
                    byRecordedTime.add(new ArrayList<>(List.of(event)));
                }
            }
        }
        SettableClock clock = new SettableClock(Instant.EPOCH);
        long last = 0;
        try (SqliteEventStore to = SqliteEventStore.open(target, SqliteOptions.defaults()
                .withSynchronous(SqliteOptions.Synchronous.NORMAL).withClock(clock))) {
            for (List<RecordedEvent> group : byRecordedTime) {
                clock.set(group.get(0).recordedAt());
                // one transaction per recorded time, one append per event: the positions and the times come out as recorded
                try (BulkAppend bulk = to.beginBulkAppend()) {
                    for (RecordedEvent event : group) {
                        bulk.append(List.of(new StreamAppend(event.streamId(), ExpectedVersion.ANY, List.of(new NewEvent(
                                event.eventId(), event.type(), event.schemaVersion(), event.data(), event.metadata())))));
                    }
                    bulk.commit();
                } catch (dev.eventscope.eventstore.ConcurrencyConflict impossible) { // every append expects any version
                    throw new IllegalStateException(impossible);
                }
            }
            try (EventCursor copied = to.readAll(0)) {
                while (copied.hasNext()) {
                    RecordedEvent event = copied.next();
                    last = event.position();
                }
            }
        }
        try (SqliteEventStore from = SqliteEventStore.openReadOnly(source); SqliteEventStore to = SqliteEventStore.openReadOnly(target);
             EventCursor original = from.readAll(0); EventCursor copied = to.readAll(0)) {
            while (copied.hasNext()) {
                RecordedEvent copy = copied.next();
                RecordedEvent event = original.next();
                if (copy.position() != event.position() || copy.recordedAtMicros() != event.recordedAtMicros()
                        || copy.version() != event.version() || !copy.eventId().equals(event.eventId())) {
                    throw new IllegalStateException("The copy's #" + copy.position() + " is not the original's: " + copy + " / " + event);
                }
            }
        }
        return last;
    }
}
