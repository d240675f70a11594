package dev.eventscope.cli;

import dev.eventscope.timetravel.InvalidPoint;
import dev.eventscope.timetravel.Point;
import picocli.CommandLine.Option;

/**
 * {@code --known-at POINT}, the second clock of a balance question: count only what was recorded at or before
 * POINT ({@code #1200}, {@code @2025-04-15T17:00:00Z}, or a date meaning the end of that day in UTC, as ledgers
 * carry no time zone). Combined with an entry date it makes a {@link Point.AsKnownAt}.
 */
final class KnownAtOption {

    static final String DESCRIPTION = "Count only what was recorded at or before POINT: #1200 (a position),"
            + " @2025-04-15T17:00:00Z (a recorded time) or 2025-04-15 (the end of that day, UTC: ledgers carry no"
            + " time zone). With --as-of: the books as of that date as they stood then.";

    @Option(names = "--known-at", paramLabel = "POINT", description = DESCRIPTION)
    String knownAt;

    boolean given() {
        return knownAt != null;
    }

    /** The knowledge point, or a usage problem naming the text. */
    Point knowledge() {
        try {
            return Point.parseKnowledge(knownAt);
        } catch (InvalidPoint invalid) {
            throw new CommandProblem("--known-at " + invalid.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    /**
     * The point asked at once the knowledge point is applied: an entry date becomes that date as known at it,
     * "now" becomes the knowledge point itself; any other point already names a recorded moment, a usage problem.
     */
    Point applyTo(Point point) {
        if (!given()) {
            return point;
        }
        Point knowledge = knowledge();
        if (point instanceof Point.AsOfDate asOf) {
            return new Point.AsKnownAt(asOf.date(), knowledge);
        }
        if (point instanceof Point.Latest) {
            return knowledge;
        }
        throw new CommandProblem("--known-at goes with an entry date (--as-of DATE), not with " + point
                + ", which already names a recorded moment.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
    }
}
