package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.timetravel.Point;

/**
 * Refuses a global position beyond the ledger's last one ({@code --at-position}, {@code --known-at #N}, a diff's
 * {@code #N}). Answered as of the head, as before session 14, it read like an answer about a position the ledger does
 * not have: an auditor asking at #99999 of a 762-event ledger was shown #762's books without a word.
 */
final class RecordedPoints {

    private RecordedPoints() {
    }

    /** Throws a {@link CommandProblem} naming the ledger's last position when a point asks beyond it. */
    static void requireRecorded(LedgerSession session, Point... points) {
        long asked = 0;
        for (Point point : points) {
            asked = Math.max(asked, position(point));
        }
        if (asked == 0) {
            return;
        }
        long last = session.lastPosition();
        if (asked > last) {
            throw new CommandProblem(last == 0
                    ? "There is no position " + asked + ": the ledger " + session.fileName() + " has no events yet."
                    : "There is no position " + asked + " in the ledger " + session.fileName() + ": its last position is "
                            + last + ". Ask at " + last + " or before.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    private static long position(Point point) {
        if (point instanceof Point.AtPosition at) {
            return at.position();
        }
        if (point instanceof Point.AsKnownAt known) {
            return position(known.knownAt());
        }
        return 0;
    }
}
