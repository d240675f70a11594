package dev.eventscope.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One proposed adjusting entry for the report's "Proposed adjustments" section, as plain text the report prints: what
 * it is, why, who proposed it when, whether the ledger's rules accept it (or why not, or that it was applied), and its
 * effect on the balances and on profit. Filled in by whoever asks for the report (from a sandbox); the report only
 * prints it.
 */
public record ProposedAdjustment(int number, String entry, String reason, String proposedBy, Instant proposedAt, String status,
                                 String effect) {

    public ProposedAdjustment {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(proposedBy, "proposed by");
        Objects.requireNonNull(proposedAt, "proposed at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(effect, "effect");
    }
}
