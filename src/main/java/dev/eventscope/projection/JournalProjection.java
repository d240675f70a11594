package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.domain.ledger.EntryEvent;

import java.util.List;
import java.util.Set;

/**
 * The journal: every entry, and reversals linked both ways. An entry's postings are not written again here: each
 * is the {@code balances} register's line with the entry's id and posting index ({@code PostingRecorded} carries
 * both), and {@link LedgerQueries#dump} gives them as {@link #POSTINGS} from the register in service (version 2;
 * version 1 copied them into a table of their own, 737,698 rows and an index on a 989,700-event ledger that no
 * query read: docs/cli-speed.md, first open). No secondary index: no query looks entries up by anything but their id.
 */
public final class JournalProjection implements Projection {

    public static final String NAME = "journal";
    public static final String ENTRIES = "journal_entries";
    /** The journal's postings as {@link LedgerQueries#dump} names them: the register's lines, read from its table. */
    public static final String POSTINGS = "journal_postings";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of(TableDefinition.table(ENTRIES).text("entry_id").integer("position").text("date").text("description")
                .text("reverses").text("reversed_by").text("user_name").primaryKey("entry_id").build());
    }

    /** A rebuild reads only these streams (the other events would not change this read model). */
    @Override
    public Set<String> streamCategories() {
        return ProjectionEvents.ENTRY_AND_LEDGER;
    }

    /** Only entry and ledger events are read (an unreadable one stops the projection); account postings are not. */
    @Override
    public boolean decodes(RecordedEvent event) {
        return ProjectionEvents.isEntryOrLedger(event);
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        for (DecodedEvent decoded : events) {
            if (!ProjectionEvents.isEntryOrLedger(decoded.recorded())) {
                continue;
            }
            Object event = ProjectionEvents.typed(decoded);
            if (event instanceof EntryEvent.EntryPosted posted) {
                String reverses = posted.reversesEntryId() == null ? null : posted.reversesEntryId().value();
                tables.insert(ENTRIES, posted.entryId().value(), decoded.recorded().position(), posted.date().toString(),
                        posted.description(), reverses, null, decoded.recorded().metadata().user());
            } else if (event instanceof EntryEvent.EntryReversed reversed) {
                String entryId = decoded.recorded().streamId().value().substring("entry-".length());
                ReadModelRow row = tables.find(ENTRIES, entryId).orElseThrow(() -> new IllegalStateException(
                        "entry " + entryId + " is reversed but was never posted"));
                Object[] values = row.values().clone();
                values[5] = reversed.reversalEntryId().value();
                tables.upsert(ENTRIES, values);
            }
        }
    }
}
