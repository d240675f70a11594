package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravelException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;

/**
 * The point a balance question is asked at ({@code --as-of}, {@code --at-position}) and how it is answered:
 * from the read models' checkpoints (caught up first if the ledger moved; a read-only ledger keeps them in
 * the user's cache file, and a PostgreSQL ledger in the user's cache file for its ledger id), or with
 * {@code --replay} by folding every posting from position 1, the reference answer the tests compare the read
 * models with. Both clocks at once are answered by the replay.
 */
final class BalanceQuestion {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Count only entries dated on or before this date.")
    LocalDate asOf;

    @Option(names = "--at-position", paramLabel = "N", description = "Count only events up to this global position.")
    long atPosition;

    @Option(names = "--replay", description = "Fold every posting from the first event instead of answering from the"
            + " read models: the reference answer, slower on a large ledger.")
    boolean replay;

    /** Every account's balances at the asked point. */
    Balances answer(LedgerOption ledger, LedgerSessions sessions, PrintWriter progress) {
        if (atPosition < 0) {
            throw new CommandProblem("--at-position must be a position of 1 or more.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (replay || (asOf != null && atPosition > 0)) {
            return replayed(ledger, sessions);
        }
        try (LedgerSession session = ledger.openSession(sessions, false)) {
            session.projections().open(ProjectionsCommand.progressBar(progress));
            return session.timeTravel().ledgerBalancesAt(point()).balances();
        } catch (TimeTravelException readModelsStopped) {
            // the balances read model stopped at an event it could not apply: the replay names that event exactly,
            // or answers if the read model failed for another reason
            Balances balances = replayed(ledger, sessions);
            progress.println("Note: " + readModelsStopped.getMessage() + " Answered by replaying every posting instead.");
            return balances;
        }
    }

    private Balances replayed(LedgerOption ledger, LedgerSessions sessions) {
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            return session.fullReplay().balances(atPosition > 0 ? atPosition : Long.MAX_VALUE, asOf);
        }
    }

    private Point point() {
        if (asOf != null) {
            return new Point.AsOfDate(asOf);
        }
        return atPosition > 0 ? new Point.AtPosition(atPosition) : new Point.Latest();
    }
}
