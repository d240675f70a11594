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
