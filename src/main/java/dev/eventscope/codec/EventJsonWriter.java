package dev.eventscope.codec;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingPrice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the two events an import writes by the hundred thousand, {@link EntryPosted} and {@link PostingRecorded}, as
 * the JSON {@link EventCodec}'s Jackson mapper writes them (the record's components in their order, nulls written,
 * map keys sorted, decimals plain, dates ISO), without Jackson's reflective bean serialisers: those were a fifth of the
 * importing thread's CPU and a good part of what the JIT compiles for an import (docs/cli-speed.md). The bytes must be
 * the same, since the hash chain covers them; anything this writer would have to escape (a quote, a backslash, a
 * control character) gives null, and the caller writes the event with Jackson. {@code EventJsonWriterTest} compares the
 * two on random events.
 */
final class EventJsonWriter {

    /** Jackson refuses to write a decimal plain beyond this scale; such a value is left to it. */
    private static final int LARGEST_PLAIN_SCALE = 9_999;

    private final StringBuilder json;

    /**
     * {@code capacity}: about the event's length, so that the text is not copied into a larger buffer as it grows
     * (session 19: a posting's JSON is ~270 characters, an entry's ~250 plus ~200 per posting; 256 grew once or twice).
     */
    private EventJsonWriter(int capacity) {
        json = new StringBuilder(capacity);
    }

    /** The event's JSON as Jackson writes it, or null for another type or a value this writer leaves to Jackson. */
    static String write(Object event) {
        try {
            if (event instanceof PostingRecorded posting) {
                return new EventJsonWriter(384).posting(posting);
            }
            if (event instanceof EntryPosted entry) {
                return new EventJsonWriter(320 + 224 * entry.postings().size()).entry(entry);
            }
            return null;
        } catch (NeedsJackson escapedOrUnusual) {
            return null;
        }
    }

    private String posting(PostingRecorded posting) {
        json.append("{\"entryId\":");
        entryId(posting.entryId());
        json.append(",\"postingIndex\":").append(posting.postingIndex());
        json.append(",\"date\":");
        date(posting.date());
        json.append(",\"description\":");
        string(posting.description());
        json.append(",\"amount\":");
        money(posting.amount());
        json.append(",\"cost\":");
        money(posting.cost());
        json.append(",\"otherAccounts\":");
        strings(posting.otherAccounts());
        json.append(",\"reversesEntryId\":");
        entryId(posting.reversesEntryId());
        json.append(",\"kind\":");
        string(posting.kind().name());
        return json.append('}').toString();
    }

    private String entry(EntryPosted entry) {
        json.append("{\"entryId\":");
        entryId(entry.entryId());
        json.append(",\"date\":");
        date(entry.date());
        json.append(",\"secondaryDate\":");
        date(entry.secondaryDate());
        json.append(",\"status\":");
        string(entry.status().name());
        json.append(",\"code\":");
        string(entry.code());
        json.append(",\"description\":");
        string(entry.description());
        json.append(",\"tags\":");
        sortedMap(entry.tags());
        json.append(",\"comment\":");
        string(entry.comment());
        json.append(",\"postings\":[");
        List<Posting> postings = entry.postings();
        for (int i = 0; i < postings.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            posting(postings.get(i));
        }
        json.append("],\"reversesEntryId\":");
        entryId(entry.reversesEntryId());
        json.append(",\"displayPrecision\":");
        sortedMap(entry.displayPrecision());
        return json.append('}').toString();
    }

    private void posting(Posting posting) {
        json.append("{\"account\":");
        string(posting.account().value());
        json.append(",\"amount\":");
        money(posting.amount());
        json.append(",\"price\":");
        PostingPrice price = posting.price();
        if (price == null) {
            json.append("null");
        } else {
            json.append("{\"kind\":");
            string(price.kind().name());
            json.append(",\"price\":");
            money(price.price());
            json.append('}');
        }
        json.append(",\"comment\":");
        string(posting.comment());
        json.append(",\"kind\":");
        string(posting.kind().name());
        json.append(",\"date\":");
        date(posting.date());
        json.append('}');
    }

    private void money(Money money) {
        json.append("{\"amount\":");
        BigDecimal amount = money.amount();
        if (Math.abs(amount.scale()) > LARGEST_PLAIN_SCALE) {
            throw NeedsJackson.INSTANCE;
        }
        json.append(amount.toPlainString());
        json.append(",\"commodity\":");
        string(money.commodity());
        json.append('}');
    }

    /** Jackson's {@code ORDER_MAP_ENTRIES_BY_KEYS}: the entries in the keys' natural order. */
    private void sortedMap(Map<String, ?> map) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> entry : (map.size() > 1 ? new TreeMap<>(map) : map).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            if (entry.getKey() == null) {
                throw NeedsJackson.INSTANCE;
            }
            string(entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value == null || value instanceof String) {
                string((String) value);
            } else if (value instanceof Integer number) {
                json.append(number.intValue());
            } else {
                throw NeedsJackson.INSTANCE;
            }
        }
        json.append('}');
    }

    private void strings(List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(values.get(i));
        }
        json.append(']');
    }

    private void entryId(EntryId id) {
        string(id == null ? null : id.value());
    }

    private void date(LocalDate date) {
        if (date == null) {
            json.append("null");
        } else {
            json.append('"').append(date).append('"');
        }
    }

    /** A string Jackson writes as it is (no quote, backslash or control character), quoted; null as {@code null}. */
    private void string(String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                throw NeedsJackson.INSTANCE;
            }
        }
        json.append('"').append(value).append('"');
    }

    /** A value Jackson would escape or treat in its own way: thrown without a stack trace, caught in {@link #write}. */
    private static final class NeedsJackson extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NeedsJackson INSTANCE = new NeedsJackson();

        private NeedsJackson() {
            super("left to Jackson", null, false, false);
        }
    }
}
