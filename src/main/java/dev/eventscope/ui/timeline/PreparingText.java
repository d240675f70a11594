package dev.eventscope.ui.timeline;

import dev.eventscope.projection.RebuildProgress;

import java.util.Locale;

/** The timeline's status while the read models open: what is being built and how far, from the start. */
final class PreparingText {

    /** Before the first batch: the read models' files are opened (or made, on a ledger's first open). */
    static final String OPENING = "Preparing time travel: opening the read models (a ledger's first open builds them once;"
            + " safe to wait)…";

    private PreparingText() {
    }

    /**
     * "Preparing time travel: catching up the read models, event 45,000 of 200,000 (22 %)…"; once every event is read, the
     * tables are indexed (on a first open) before time travel opens; a read model of an older Eventscope is rebuilt.
     */
    static String of(RebuildProgress step) {
        long percent = Math.round(step.fraction() * 100);
        if (step.catchUp()) {
            return step.position() >= step.lastPosition()
                    ? String.format(Locale.ROOT, "Preparing time travel: the read models hold all %,d events; indexing them"
                            + " (once, after a first open)…", step.lastPosition())
                    : String.format(Locale.ROOT, "Preparing time travel: catching up the read models, event %,d of %,d (%d %%)…",
                            step.position(), step.lastPosition(), percent);
        }
        return step.position() >= step.lastPosition()
                ? "Preparing time travel: putting the rebuilt " + step.projection() + " in place…"
                : String.format(Locale.ROOT, "Preparing time travel: rebuilding %s (made by an older Eventscope), event %,d of %,d"
                        + " (%d %%)…", step.projection(), step.position(), step.lastPosition(), percent);
    }
}
