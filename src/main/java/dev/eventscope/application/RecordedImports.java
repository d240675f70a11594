package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.List;

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
        EventCodec codec = BookkeepingCodec.create();
        StreamId ledger = StreamId.of(LedgerStreams.LEDGER);
        List<CompletedImport> imports = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(ledger, next, Direction.FORWARD, PAGE);
            for (RecordedEvent recorded : page) {
                next = recorded.version() + 1;
                if (codec.decode(recorded).value().orElse(null) instanceof JournalImported imported) {
                    imports.add(new CompletedImport(recorded.position(), recorded.recordedAt(), recorded.metadata().user(),
                            imported.journal(), imported.sha256(), imported.entries(), text(imported.firstEntryId()),
                            text(imported.lastEntryId())));
                }
            }
            if (page.size() < PAGE) {
                return imports;
            }
        }
    }

    private static String text(EntryId id) {
        return id == null ? null : id.value();
    }
}
