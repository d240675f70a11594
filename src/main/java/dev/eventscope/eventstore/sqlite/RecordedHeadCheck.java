package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventStoreException;

/**
 * The head position a ledger recorded at its last commit ({@code ledger_meta.head_position}) against its last event.
 * Every commit writes both, so they differ only when the file was edited outside Eventscope: the newest events
 * deleted, or events added after the head. An append then refuses to write, because it would reuse the deleted
 * positions (or build on the added events) and record a head that hides the edit from {@code verify} for good
 * (session 13's adversary: a post after a deleted last event left a ledger that verified intact).
 */
final class RecordedHeadCheck {

    private RecordedHeadCheck() {
    }

    /** Throws, before anything is written, when the recorded head is missing, not a number, or not the last event. */
    static void require(String recorded, long lastEvent) {
        long head;
        try {
            head = recorded == null ? -1 : Long.parseLong(recorded.strip());
        } catch (NumberFormatException notANumber) {
            head = -1;
        }
        if (head == lastEvent) {
            return;
        }
        String what = recorded == null ? "records no head position"
                : head < 0 ? "records the head position '" + recorded + "', which is not a position"
                : head > lastEvent ? "records events up to position " + head + " but its last event is at position " + lastEvent
                : "records events up to position " + head + " but holds events up to position " + lastEvent;
        throw new EventStoreException("Nothing was written: the ledger " + what + ", so it was edited outside"
                + " Eventscope, and writing now would hide that edit. Run 'eventscope verify' on it and restore it from a"
                + " backup.");
    }
}
