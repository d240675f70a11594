package dev.eventscope.ui.timeline;

import dev.eventscope.projection.RebuildProgress;

import java.util.Locale;

/** The timeline's status while the read models open: what is being built and how far, from the start. */
final class PreparingText {

    /** Before the first batch: the read models' files are opened (or made, on a ledger's first open). */
    static final String OPENING = "Preparing time travel: opening the read models (a first open builds them once; safe to wait)…";

    private static final String BUILDING = "Building the read models for time travel:";

    private PreparingText() {
    }

    /**
     * "Building the read models for time travel: 5 % (event 10,000 of 200,000)…": what, then how far, so that a status cut at
     * 1280 px (session 17's shot) still says both; the bar wraps them onto a second line there (session 18), and the whole sentence is on hover. Once every event is read the tables are
     * indexed (on a first open); a read model of an older Eventscope is rebuilt, then put in place.
     */
    static String of(RebuildProgress step) {
        long percent = Math.round(step.fraction() * 100);
        boolean read = step.position() >= step.lastPosition();
        if (step.catchUp()) {
            return read ? String.format(Locale.ROOT, "%s indexing their %,d events (once, after a first open)…", BUILDING, step.lastPosition())
                    : String.format(Locale.ROOT, "%s %d %% (event %,d of %,d)…", BUILDING, percent, step.position(), step.lastPosition());
        }
        return read ? BUILDING + " putting the rebuilt " + step.projection() + " in place…"
                : String.format(Locale.ROOT, "Rebuilding %s (an older Eventscope's) for time travel: %d %% (event %,d of %,d)…",
                        step.projection(), percent, step.position(), step.lastPosition());
    }
}
