package dev.eventscope.journal;

import dev.eventscope.application.MarketPriceHistory;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.application.RecordedImports;
import dev.eventscope.domain.ledger.DeclaredAccountTypes;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.PriceUsed;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a ledger back out as an hledger journal: an {@code account} directive per account, a {@code P} directive
 * per recorded market price (in the order recorded, so a later price of the same day still wins), then
 * every entry in the order it was recorded, reversals included (tagged {@code reverses:} with the
 * entry they undo), then a {@code commodity} directive for each commodity whose entries were balanced at fewer
 * decimal places than the export writes (see {@link ExportedPrecision}). Streams the ledger: one entry in memory
 * at a time.
 */
public final class JournalExporter {

    private static final String ENTRY_POSTED = EntryPosted.class.getSimpleName();

    private final EventStore store;
    private final EventCodec codec;

    public JournalExporter(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Returns the number of entries written. */
    public long export(Writer out) {
        JournalWriter writer = new JournalWriter(out);
        SourceLocation nowhere = new SourceLocation("", 0);
        // the imports' type declarations as they were written, since hledger chooses bs/is sections by them
        DeclaredAccountTypes declared = RecordedImports.declaredAccountTypes(store);
        for (StreamInfo account : store.streams(StreamFilter.category("account"))) {
            String name = account.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
            String comment = (declared.isEmpty() ? declaredType(account) : Optional.<AccountType>empty())
                    .map(type -> JournalDirective.AccountDeclaration.TYPE_TAG + ": " + type.code()).orElse("");
            writer.write(new JournalDirective.AccountDeclaration(name, comment, List.of(), nowhere));
        }
        declared.byType().forEach((type, names) -> names.forEach(name -> writer.write(new JournalDirective.AccountDeclaration(
                name, JournalDirective.AccountDeclaration.TYPE_TAG + ": " + type.code(), List.of(), nowhere))));
        writePrices(writer, nowhere);
        long entries = 0;
        ExportedPrecision precision = new ExportedPrecision();
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (!recorded.type().equals(ENTRY_POSTED)) {
                    continue;
                }
                DecodedEvent decoded = codec.decode(recorded);
                if (decoded.value().orElse(null) instanceof EntryPosted posted) {
                    writer.write(toTransaction(posted, nowhere));
                    precision.note(posted);
                    entries++;
                }
            }
        }
        // a commodity directive holds for the whole journal, wherever it stands
        precision.declarations(nowhere).forEach(writer::write);
        writer.flush();
        return entries;
    }

    private void writePrices(JournalWriter writer, SourceLocation nowhere) {
        MarketPriceHistory.read(store, codec).recorded().forEach(price -> writer.write(marketPriceOf(price, nowhere)));
    }

    /** A recorded price as the {@code P} directive that records it, with the decimal places it was written with. */
    public static JournalDirective.MarketPrice marketPriceOf(PriceRecorded price, SourceLocation location) {
        return new JournalDirective.MarketPrice(price.date(), price.commodity(),
                new Amount(PriceUsed.writtenPrice(price), price.price().commodity()), location);
    }

    /**
     * The type the account was opened with, when its name alone would give hledger another one (a journal's
     * {@code type:} tag): written back as a {@code type:} tag so that the export types the account alike.
     */
    private Optional<AccountType> declaredType(StreamInfo account) {
        List<RecordedEvent> first = store.readStream(account.streamId(), 1, Direction.FORWARD, 1);
        if (!first.isEmpty() && codec.decode(first.get(0)).value().orElse(null) instanceof AccountOpened opened
                && opened.type() != AccountType.of(opened.name())) {
            return Optional.of(opened.type());
        }
        return Optional.empty();
    }

    /** One recorded entry as the transaction an export writes it (with its {@code entry:} and {@code reverses:} tags). */
    public static JournalTransaction transactionOf(EntryPosted posted) {
        return toTransaction(posted, new SourceLocation("", 0));
    }

    static JournalTransaction toTransaction(EntryPosted posted, SourceLocation location) {
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("entry", posted.entryId().value()));
        for (Map.Entry<String, String> tag : posted.tags().entrySet()) {
            tags.add(new Tag(tag.getKey(), tag.getValue()));
        }
        if (posted.reversesEntryId() != null) {
            tags.add(new Tag("reverses", posted.reversesEntryId().value()));
        }
        List<JournalPosting> postings = new ArrayList<>();
        for (Posting posting : posted.postings()) {
            Price price = posting.price() == null ? null : new Price(
                    posting.price().kind(),
                    new Amount(posting.price().price().amount(), posting.price().price().commodity()));
            PostingNotes.Restored notes = PostingNotes.restore(posting.comment(), posting.kind());
            postings.add(new JournalPosting(Status.UNMARKED, posting.account().value(), notes.kind(),
                    new Amount(posting.amount().amount(), posting.amount().commodity()), price, null,
                    notes.comment(), List.of(), notes.lot()));
        }
        return new JournalTransaction(posted.date(), posted.secondaryDate(), status(posted.status()),
                posted.code() == null ? "" : posted.code(), posted.description(),
                posted.comment() == null ? "" : posted.comment(), tags, postings, location);
    }

    private static Status status(EntryStatus status) {
        return switch (status) {
            case UNMARKED -> Status.UNMARKED;
            case PENDING -> Status.PENDING;
            case CLEARED -> Status.CLEARED;
        };
    }
}
