package dev.eventscope.ui.projections;

import dev.eventscope.projection.RebuildProgress;

import java.time.Duration;
import java.util.Locale;

/** Words and numbers for a rebuild's progress: how far, how fast, how long still. */
public final class ProgressText {

    private ProgressText() {
    }

    /** "Rebuilding balances: event 12,345 of 1,000,000 (1 %)", or "Catching up the read models: …" when opening. */
    public static String position(RebuildProgress progress) {
        return String.format(Locale.ROOT, "%s: event %,d of %,d (%d %%)",
                progress.catchUp() ? "Catching up the read models" : "Rebuilding " + progress.projection(),
                progress.position(), progress.lastPosition(), percent(progress));
    }

    /**
     * One of several projections rebuilt in turn: "Rebuilding balances (projection 1 of 4): event 145,000 of 200,000 ·
     * 18 % of the whole rebuild". Session 16's trial: "event 145,000 of 200,000 (73 %) · projection 1 of 4" sat under a bar
     * at 18 %, two figures that disagreed, and the time left was the one projection's.
     */
    public static String positionOfSeveral(RebuildProgress progress, int index, int count) {
        return String.format(Locale.ROOT, "Rebuilding %s (projection %d of %d): event %,d of %,d · %d %% of the whole rebuild",
                progress.projection(), index + 1, count, progress.position(), progress.lastPosition(),
                Math.round((index + progress.fraction()) / count * 100));
    }

    /** "about 7 s left for balances, then 3 more projections", or {@link #remaining} alone for the last one. */
    public static String remainingOfSeveral(RebuildProgress progress, int index, int count) {
        int after = count - index - 1;
        String left = remaining(progress.estimatedRemaining()) + " for " + progress.projection();
        return after == 0 ? left : left + ", then " + after + " more projection" + (after == 1 ? "" : "s");
    }

    /** Whether a rebuild has read every event: its rebuilt tables are then indexed and put in place, which cannot be cancelled. */
    public static boolean placing(RebuildProgress progress) {
        return !progress.catchUp() && progress.position() >= progress.lastPosition();
    }

    /** "Putting the rebuilt balances in place…", with "(projection 2 of 4)" when several are rebuilt in turn. */
    public static String placing(RebuildProgress progress, int index, int count) {
        return "Putting the rebuilt " + progress.projection() + " in place" + (count > 1 ? " (projection " + (index + 1) + " of "
                + count + ")" : "") + "…";
    }

    /** "Projections: catching up… 45 %", for the status bar while the read models are opened. */
    public static String catchingUp(RebuildProgress progress) {
        return "Projections: catching up… " + percent(progress) + " %";
    }

    private static long percent(RebuildProgress progress) {
        return Math.round(progress.fraction() * 100);
    }

    /** "45,200 events/s". */
    public static String speed(double eventsPerSecond) {
        return String.format(Locale.ROOT, "%,d events/s", Math.round(eventsPerSecond));
    }

    /** "less than a second left", "about 42 s left", "about 3 min 5 s left", "about 1 h 2 min left". */
    public static String remaining(Duration left) {
        long seconds = Math.max(0, Math.round(left.toMillis() / 1000.0));
        if (seconds == 0) {
            return "less than a second left";
        }
        if (seconds < 60) {
            return "about " + seconds + " s left";
        }
        if (seconds < 3600) {
            return "about " + seconds / 60 + " min " + seconds % 60 + " s left";
        }
        return "about " + seconds / 3600 + " h " + seconds % 3600 / 60 + " min left";
    }
}
