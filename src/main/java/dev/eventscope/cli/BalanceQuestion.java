package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravelException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;

/**
 * The point a balance question is asked at ({@code --as-of}, {@code --at-position}, {@code --known-at}) and how
 * it is answered: from the read models' checkpoints (caught up first if the ledger moved; a read-only ledger keeps
 * them in the user's cache file), both clocks at once included, or with {@code --replay} by folding every posting
 * from position 1, the reference answer the tests compare the read models with. A PostgreSQL ledger keeps its read
 * models in the user's cache file for its ledger id.
 */
final class BalanceQuestion {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Count only entries dated on or before this date.")
    LocalDate asOf;

    @Option(names = "--at-position", paramLabel = "N", description = "Count only events up to this global position.")
    long atPosition;

    @Mixin
    KnownAtOption knownAt;

    @Option(names = "--replay", description = "Fold every posting from the first event instead of answering from the"
            + " read models: the reference answer, slower on a large ledger.")
    boolean replay;

    /**
     * The display styles of the journals imported by the asked point, known once {@link #answer} has run: at the asked
     * date, the places of the amounts dated by then, as hledger's {@code -e} shows them.
     */
    dev.eventscope.domain.ledger.CommodityStyles styles = dev.eventscope.domain.ledger.CommodityStyles.NONE;

    /** Every account's balances at the asked point. */
    Balances answer(LedgerOption ledger, LedgerSessions sessions, PrintWriter progress) {
        if (atPosition < 0) {
            throw new CommandProblem("--at-position must be a position of 1 or more.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (atPosition > 0 && knownAt.given()) {
            throw new CommandProblem("--at-position and --known-at both say what was known; give one of them.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        Point point = point();
        if (replay) {
            return replayed(ledger, sessions, point);
        }
        try (LedgerSession session = ledger.openToAsk(sessions)) {
            RecordedPoints.requireRecorded(session, point);
            session.projections().open(ProjectionsCommand.progressBar(progress));
            styles = session.commodityStyles(atPosition > 0 ? atPosition : Long.MAX_VALUE).between(null, asOf);
            return session.timeTravel().ledgerBalancesAt(point).balances();
        } catch (TimeTravelException readModelsStopped) {
            // the balances read model stopped at an event it could not apply: the replay names that event exactly,
            // or answers if the read model failed for another reason
            Balances balances = replayed(ledger, sessions, point);
            progress.println("Note: " + readModelsStopped.getMessage() + " Answered by replaying every posting instead.");
            return balances;
        }
    }

    private Balances replayed(LedgerOption ledger, LedgerSessions sessions, Point point) {
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            RecordedPoints.requireRecorded(session, point);
            styles = session.commodityStyles(atPosition > 0 ? atPosition : Long.MAX_VALUE).between(null, asOf);
            return session.fullReplay().balancesAt(point);
        }
    }

    /** The asked point: an entry date, a knowledge point, both at once, or now. */
    Point point() {
        if (asOf != null && atPosition > 0) {
            return new Point.AsKnownAt(asOf, new Point.AtPosition(atPosition));
        }
        if (asOf != null) {
            return knownAt.applyTo(new Point.AsOfDate(asOf));
        }
        return atPosition > 0 ? new Point.AtPosition(atPosition) : knownAt.applyTo(new Point.Latest());
    }
}
