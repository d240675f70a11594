package dev.eventscope.journal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an import wrote, what it skipped (with the lines), and what the journal held ({@code read}: transactions,
 * postings, directives and skipped items, included files counted).
 */
public record ImportSummary(long entries, long accountsOpened, long events, long firstPosition, long lastPosition,
                            List<JournalWarning> warnings, Duration elapsed, ReadCounts read) {

    public ImportSummary {
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(read, "read");
    }

    public double entriesPerSecond() {
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        return entries / seconds;
    }

    /** {@code 196 entries, 33 accounts, 812 events in 0.9 s} and the count of warnings (skipped items and notes). */
    public String describe() {
        String text = String.format(java.util.Locale.ROOT, "%,d entries, %,d accounts opened, %,d events in %.1f s (%,.0f entries/s)",
                entries, accountsOpened, events, elapsed.toMillis() / 1000.0, entriesPerSecond());
        return warnings.isEmpty() ? text : text + "; " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + " (listed above)";
    }
}
