package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /**
     * A journal was imported whole, in the same transaction as this event: its file name, the SHA-256
     * of its bytes (lower-case hex), how many entries it brought and the first and last of their ids
     * (null when it had none). Lets a later import of the same file be recognised, and tells after a
     * killed import whether it was committed. {@code declaredAccountTypes} holds the journal's
     * {@code account NAME  ; type: T} declarations by type, each type's accounts in the journal's order, as hledger
     * 1.25 keeps them to choose a statement's sections ({@link DeclaredAccountTypes}); empty in events written before
     * it was recorded (session 17), and for a journal that declares no type. {@code commodityStyles} holds the
     * decimal places of each commodity the journal gave a display style (hledger 1.25's commodity styles: a
     * {@code commodity} or {@code D} directive, else the most places of its posting amounts and {@code P} prices), by
     * which reports show that commodity's amounts ({@link CommodityStyles}); {@code inferredPlaces}, per account and
     * commodity without a style, the most places of the prices its amounts were inferred from; both empty in events
     * written before session 21. {@code inferredPlacesByDate}: the same per posting date (ISO text), by which a report
     * at a date or for a period shows the places of the amounts it sums, as hledger 1.25 does; empty in events written
     * before session 24 (their reports use the whole journal's places).
     */
    record JournalImported(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                           Map<AccountType, List<String>> declaredAccountTypes, Map<String, Integer> commodityStyles,
                           Map<String, Map<String, Integer>> inferredPlaces,
                           Map<String, Map<String, Map<String, Integer>>> inferredPlacesByDate)
            implements LedgerEvent {
        public JournalImported {
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(sha256, "sha256");
            declaredAccountTypes = DeclaredAccountTypes.copyOf(declaredAccountTypes);
            commodityStyles = CommodityStyles.copyOf(commodityStyles);
            inferredPlaces = CommodityStyles.copyOfInferred(inferredPlaces);
            inferredPlacesByDate = CommodityStyles.copyOfDated(inferredPlacesByDate);
        }

        /** One recorded before the places per date were (session 24). */
        public JournalImported(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                Map<AccountType, List<String>> declaredAccountTypes, Map<String, Integer> commodityStyles,
                Map<String, Map<String, Integer>> inferredPlaces) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, declaredAccountTypes, commodityStyles, inferredPlaces, Map.of());
        }

        /** An import that gave no commodity a style (or one recorded before session 21). */
        public JournalImported(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                               Map<AccountType, List<String>> declaredAccountTypes) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, declaredAccountTypes, Map.of(), Map.of());
        }

        /** An import that declared no account type. */
        public JournalImported(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, Map.of(), Map.of(), Map.of());
        }
    }
}
