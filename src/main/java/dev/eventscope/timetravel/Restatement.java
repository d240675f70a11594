package dev.eventscope.timetravel;

import dev.eventscope.projection.RegisterLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change to the figures of the period ending {@code periodEnd} (every balance as of that date) recorded after
 * a knowledge point: the postings recorded after {@code knownAtPosition} and dated on or before the period end, in the
 * order they were recorded, and per account and commodity the balance as known then and as known now.
 *
 * @param knownAtPosition the last position counted as known
 * @param knownAtRecordedAt when the event at that position was recorded (none before the first event)
 * @param basis how the knowledge point was chosen, e.g. "the period was closed (PeriodClosed at #250 by m.vogt)"
 */
public record Restatement(LocalDate periodEnd, long knownAtPosition, Optional<Instant> knownAtRecordedAt, String basis,
                          List<RegisterLine> lines, List<BalanceChange> effect) {

    public Restatement {
        Objects.requireNonNull(periodEnd, "period end");
        Objects.requireNonNull(knownAtRecordedAt, "known-at recorded time (empty before the first event)");
        lines = List.copyOf(lines);
        effect = List.copyOf(effect);
    }

    /** Whether nothing changed the period's figures after the knowledge point. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
