package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.CommodityStyles;
import dev.eventscope.domain.ledger.DeclaredAccountTypes;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The imports a ledger has committed: each one wrote a {@code JournalImported} event on the
 * {@code ledger} stream in its own transaction, so an import is listed here if and only if it was
 * committed. Reads only; works on a ledger opened read-only.
 */
public final class RecordedImports {

    private static final int PAGE = 1_000;

    private RecordedImports() {
    }

    /** Every committed import, oldest first. */
    public static List<CompletedImport> list(EventStore store) {
        List<CompletedImport> imports = new ArrayList<>();
        forEach(store, (recorded, imported) -> imports.add(new CompletedImport(recorded.position(), recorded.recordedAt(),
                recorded.metadata().user(), imported.journal(), imported.sha256(), imported.entries(),
                text(imported.firstEntryId()), text(imported.lastEntryId()))));
        return imports;
    }

    /** The account types the committed imports' journals declared, in the order they were imported and declared. */
    public static DeclaredAccountTypes declaredAccountTypes(EventStore store) {
        return declaredAccountTypes(store, Long.MAX_VALUE);
    }

    /**
     * The account types declared by the imports recorded at or before {@code upToPosition} ({@link Long#MAX_VALUE}: all):
     * a statement as of a position chooses its sections by what was declared by then, never by a later import's
     * declarations (before session 18 a statement at a position and the report read them from the whole ledger).
     */
    public static DeclaredAccountTypes declaredAccountTypes(EventStore store, long upToPosition) {
        DeclaredAccountTypes[] declared = {DeclaredAccountTypes.NONE};
        forEach(store, (recorded, imported) -> {
            if (recorded.position() <= upToPosition) {
                declared[0] = declared[0].plus(imported.declaredAccountTypes());
            }
        });
        return declared[0];
    }

    /**
     * The display styles the imports recorded at or before {@code upToPosition} ({@link Long#MAX_VALUE}: all) gave
     * their commodities (none for imports recorded before session 21).
     */
    public static CommodityStyles commodityStyles(EventStore store, long upToPosition) {
        CommodityStyles[] styles = {CommodityStyles.NONE};
        forEach(store, (recorded, imported) -> {
            if (recorded.position() <= upToPosition) {
                styles[0] = styles[0].plus(imported.commodityStyles(), imported.inferredPlaces(), imported.inferredPlacesByDate());
            }
        });
        return styles[0];
    }

    private static void forEach(EventStore store, BiConsumer<RecordedEvent, JournalImported> action) {
        EventCodec codec = BookkeepingCodec.create();
        StreamId ledger = StreamId.of(LedgerStreams.LEDGER);
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(ledger, next, Direction.FORWARD, PAGE);
            for (RecordedEvent recorded : page) {
                next = recorded.version() + 1;
                if (codec.decode(recorded).value().orElse(null) instanceof JournalImported imported) {
                    action.accept(recorded, imported);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static String text(EntryId id) {
        return id == null ? null : id.value();
    }
}
