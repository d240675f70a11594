package dev.eventscope.ui.timeline;

import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.timetravel.TimeTravel;

/**
 * The read models and the time-travel engine of one open ledger's session, caught up and following
 * the ledger. Opening catches the projections up, so it runs off the UI thread.
 */
public final class LedgerTimeMachine implements AutoCloseable {

    private final LedgerSession session;
    private final Projections projections;
    private final TimeTravel timeTravel;

    private LedgerTimeMachine(LedgerSession session) {
        this.session = session;
        this.projections = session.projections();
        this.timeTravel = session.timeTravel();
    }

    /**
     * The session's read models and time travel, caught up (slow on a large ledger the first time;
     * the projections panel may be catching up the same projections, which is safe: catch-up is serialised).
     */
    public static LedgerTimeMachine open(LedgerSession session) {
        return open(session, ProgressListener.NONE);
    }

    /** As {@link #open(LedgerSession)}; {@code progress} hears of the catch-up and of any rebuild while opening. */
    public static LedgerTimeMachine open(LedgerSession session, ProgressListener progress) {
        LedgerTimeMachine machine = new LedgerTimeMachine(session);
        machine.projections.open(progress);
        machine.projections.follow();
        return machine;
    }

    public LedgerSession session() {
        return session;
    }

    public TimeTravel timeTravel() {
        return timeTravel;
    }

    public LedgerQueries queries() {
        return session.queries();
    }

    public Projections projections() {
        return projections;
    }

    /** Nothing to close: the read models belong to the session, which closes them with the ledger. */
    @Override
    public void close() {
    }
}
