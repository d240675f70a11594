package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.Point;

/**
 * A view model that follows the timeline's slider (the state panel, the balance chart, "why this value?", the
 * comparison): told, on the UI thread and in this order, that time travel opened, that the timeline is read again, that
 * it was loaded, and of every step the slider stands on. Each method does nothing unless a follower needs it.
 */
interface TimelineFollower {

    /** One step the slider stands on: {@code index} of the timeline of {@code scope} (null: the whole ledger), labelled {@code label}. */
    record Step(StreamId scope, Point point, int index, String label) {
    }

    /** Time travel is ready: {@code machine} answers from now on. */
    default void opened(LedgerTimeMachine machine) {
    }

    /** The timeline is read again (another scope or axis, new events): answers still on their way are for the one before. */
    default void reloading(LedgerTimeMachine machine) {
    }

    /** No scope is chosen: there is no timeline and nothing to show. */
    default void cleared() {
    }

    /** The slider stands on {@code step} (also the same step again, after the timeline was read again). */
    default void moved(Step step) {
    }

    /** A timeline of {@code scope} (null: the whole ledger) on {@code axis} was loaded and its slider placed. */
    default void loaded(LedgerTimeMachine machine, StreamId scope, TimelineAxis axis) {
    }

    /** The slider's thumb is held ({@code on}) or let go. */
    default void dragging(boolean on) {
    }

    /** The ledger moved (a command here, or another process appended). */
    default void ledgerMoved() {
    }
}
