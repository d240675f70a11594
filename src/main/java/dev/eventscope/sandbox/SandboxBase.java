package dev.eventscope.sandbox;

import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.session.LedgerSession;

import java.time.Instant;

/**
 * Where a sandbox stands on the real ledger: a position, a recorded time (the last position recorded at or
 * before it), or the head (the last position, whatever it is when the sandbox is opened, so the proposals
 * follow the ledger). At most one of {@code position} and {@code recordedAt} is set.
 */
public record SandboxBase(Long position, Instant recordedAt) {

    public static final SandboxBase HEAD = new SandboxBase(null, null);

    public SandboxBase {
        if (position != null && recordedAt != null) {
            throw new IllegalArgumentException("a sandbox stands at a position or at a recorded time, not both");
        }
        if (position != null && position < 0) {
            throw new IllegalArgumentException("a position cannot be negative: " + position);
        }
    }

    public static SandboxBase atPosition(long position) {
        return new SandboxBase(position, null);
    }

    public static SandboxBase atTime(Instant recordedAt) {
        return new SandboxBase(null, recordedAt);
    }

    /**
     * The base position on the ledger as it is now; a position past the ledger's last is refused with a
     * {@link SandboxProblem}. Recorded times never go backwards, so the time is found by bisection.
     */
    public long resolve(LedgerSession ledger) {
        long last = ledger.lastPosition();
        if (position != null) {
            if (position > last) {
                throw new SandboxProblem("The sandbox stands at position " + position + ", but the ledger "
                        + ledger.fileName() + " ends at position " + last + ".");
            }
            return position;
        }
        if (recordedAt == null) {
            return last;
        }
        long low = 0;
        long high = last;
        while (low < high) {
            long middle = (low + high + 1) / 2;
            RecordedEvent event = ledger.readAt(middle).orElseThrow(() -> new SandboxProblem(
                    "The ledger " + ledger.fileName() + " has no event at position " + middle + "; verify it."));
            if (event.recordedAt().isAfter(recordedAt)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return low;
    }

    /** "the head", "position 12" or "2025-03-31T12:00:00Z (recorded time)". */
    public String describe() {
        if (position != null) {
            return "position " + position;
        }
        return recordedAt == null ? "the head" : recordedAt + " (recorded time)";
    }
}
