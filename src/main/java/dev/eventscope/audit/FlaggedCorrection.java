package dev.eventscope.audit;

import java.time.Instant;
import java.time.LocalDate;

/** An entry an auditor should look at: a reversal, a reversed entry, or one dated inside a closed period. */
public record FlaggedCorrection(long position, Kind kind, String entryId, LocalDate entryDate, Instant recordedAt,
                                String user, String explanation) {

    /** Why it is flagged. */
    public enum Kind {
        REVERSAL("Reversal"),
        REVERSED("Reversed"),
        LATE_CORRECTION("Late correction");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
