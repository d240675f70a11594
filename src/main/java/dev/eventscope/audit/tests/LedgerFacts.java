package dev.eventscope.audit.tests;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodClosed;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the journal-entry tests need from a ledger, read in one pass over its events: every entry in
 * recording order (with the positions of its posting events), every period close, and the ledger's last
 * position. Holds one small record per entry, not the events.
 */
public final class LedgerFacts {

    private final List<EntryFacts> entries;
    private final List<PeriodClose> closes;
    private final long lastPosition;

    public LedgerFacts(List<EntryFacts> entries, List<PeriodClose> closes, long lastPosition) {
        this.entries = List.copyOf(entries);
        this.closes = List.copyOf(closes);
        this.lastPosition = lastPosition;
    }

    /** Every journal entry, in the order it was recorded. */
    public List<EntryFacts> entries() {
        return entries;
    }

    /** Every period close, in the order it was recorded. */
    public List<PeriodClose> closes() {
        return closes;
    }

    /** The position of the last event read. */
    public long lastPosition() {
        return lastPosition;
    }

    /** The entries by id. */
    public Map<String, EntryFacts> byId() {
        Map<String, EntryFacts> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.entryId(), entry));
        return byId;
    }

    /**
     * Reads the facts from every event of the source. An entry's posting events are written in the same
     * append as its {@code EntryPosted}, so they are collected by entry id while reading.
     */
    public static LedgerFacts read(LedgerEventSource source, EventCodec codec) {
        Map<String, String> accountTypes = new HashMap<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<PeriodClose> closes = new ArrayList<>();
        long last = 0;
        try (EventCursor cursor = source.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                last = recorded.position();
                Object event = codec.decodeValue(recorded).value().orElse(null);
                if (event instanceof AccountOpened opened) {
                    accountTypes.put(opened.name().value(), opened.type().name().toLowerCase(Locale.ROOT));
                } else if (event instanceof PeriodClosed closed) {
                    closes.add(new PeriodClose(recorded.position(), closed.throughDate(), recorded.recordedAt(),
                            recorded.metadata().user()));
                } else if (event instanceof EntryPosted posted) {
                    drafts.computeIfAbsent(posted.entryId().value(), id -> new Draft()).posted(recorded, posted);
                } else if (event instanceof PostingRecorded posting) {
                    drafts.computeIfAbsent(posting.entryId().value(), id -> new Draft()).positions.add(recorded.position());
                }
            }
        }
        List<EntryFacts> entries = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (draft.posted != null) {
                entries.add(draft.toFacts(accountTypes));
            }
        }
        entries.sort((a, b) -> Long.compare(a.position(), b.position()));
        return new LedgerFacts(entries, closes, last);
    }

    private static String typeOf(String account, Map<String, String> accountTypes) {
        String known = accountTypes.get(account);
        if (known != null) {
            return known;
        }
        try {
            return AccountType.of(AccountName.of(account)).name().toLowerCase(Locale.ROOT);
        } catch (LedgerRuleViolation unclassified) {
            return "unclassified";
        }
    }

    private static final class Draft {
        private final List<Long> positions = new ArrayList<>();
        private RecordedEvent recorded;
        private EntryPosted posted;

        void posted(RecordedEvent event, EntryPosted entry) {
            recorded = event;
            posted = entry;
            positions.add(event.position());
        }

        EntryFacts toFacts(Map<String, String> accountTypes) {
            List<PostingLine> postings = new ArrayList<>();
            for (Posting posting : posted.postings()) {
                String account = posting.account().value();
                postings.add(new PostingLine(account, typeOf(account, accountTypes), posting.amount().amount(),
                        posting.amount().commodity()));
            }
            positions.sort(null);
            return new EntryFacts(posted.entryId().value(), recorded.position(), positions, posted.date(), posted.description(),
                    recorded.metadata().user(), recorded.metadata().commandName(), recorded.recordedAt(), postings,
                    posted.reversesEntryId() == null ? null : posted.reversesEntryId().value());
        }
    }
}
