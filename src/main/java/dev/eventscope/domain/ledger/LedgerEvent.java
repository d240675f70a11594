package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/** Events of the {@code ledger} stream. */
public sealed interface LedgerEvent extends BookkeepingEvent {

    /** The ledger exists, with its name and the commodity its reports are in. */
    record LedgerCreated(String name, String baseCommodity) implements LedgerEvent {
        public LedgerCreated {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseCommodity, "base commodity");
        }
    }

    /** No entry may be dated on or before {@code throughDate} any more. */
    record PeriodClosed(LocalDate throughDate) implements LedgerEvent {
        public PeriodClosed {
            Objects.requireNonNull(throughDate, "through date");
        }
    }

    /**
     * The last close was withdrawn: the books had been closed through {@code reopenedFrom} and are
     * now closed through {@code closedThroughAfter} (the close before it), or not at all when null.
     */
    record PeriodReopened(LocalDate reopenedFrom, LocalDate closedThroughAfter, String reason) implements LedgerEvent {
        public PeriodReopened {
            Objects.requireNonNull(reopenedFrom, "reopened from");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
