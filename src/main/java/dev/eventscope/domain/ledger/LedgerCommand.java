package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Commands to the {@code ledger} stream. */
public sealed interface LedgerCommand {

    record CreateLedger(String name, String baseCommodity) implements LedgerCommand {
        public CreateLedger {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseCommodity, "base commodity");
        }
    }

    record ClosePeriod(LocalDate throughDate) implements LedgerCommand {
        public ClosePeriod {
            Objects.requireNonNull(throughDate, "through date");
        }
    }

    /** Withdraws the most recent close; the books fall back to the close before it, if any. */
    record ReopenPeriod(String reason) implements LedgerCommand {
        public ReopenPeriod {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Records that a journal was imported, with the account types it declared (see {@code LedgerEvent.JournalImported});
     * issued by the import itself.
     */
    record RecordImport(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                        Map<AccountType, List<String>> declaredAccountTypes, Map<String, Integer> commodityStyles,
                        Map<String, Map<String, Integer>> inferredPlaces,
                        Map<String, Map<String, Map<String, Integer>>> inferredPlacesByDate)
            implements LedgerCommand {
        public RecordImport {
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(sha256, "sha256");
            declaredAccountTypes = DeclaredAccountTypes.copyOf(declaredAccountTypes);
            commodityStyles = CommodityStyles.copyOf(commodityStyles);
            inferredPlaces = CommodityStyles.copyOfInferred(inferredPlaces);
            inferredPlacesByDate = CommodityStyles.copyOfDated(inferredPlacesByDate);
        }

        /** One recorded before the places per date were (session 24). */
        public RecordImport(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                Map<AccountType, List<String>> declaredAccountTypes, Map<String, Integer> commodityStyles,
                Map<String, Map<String, Integer>> inferredPlaces) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, declaredAccountTypes, commodityStyles, inferredPlaces, Map.of());
        }

        /** An import that gave no commodity a display style. */
        public RecordImport(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId,
                            Map<AccountType, List<String>> declaredAccountTypes) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, declaredAccountTypes, Map.of(), Map.of());
        }

        /** An import that declared no account type. */
        public RecordImport(String journal, String sha256, long entries, EntryId firstEntryId, EntryId lastEntryId) {
            this(journal, sha256, entries, firstEntryId, lastEntryId, Map.of(), Map.of(), Map.of());
        }
    }
}
