package dev.eventscope.codec;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads a {@link PostingRecorded} written by {@link EventCodec} (its fields in their order, no white space, strings
 * without escapes) in one pass over the text, without Jackson's parser and bean machinery: postings are most of a
 * ledger's events, and Jackson's reading was about two thirds of a whole-ledger read's client CPU
 * (docs/postgresql.md). Anything else, and anything the record refuses, gives null, and the caller reads the text with
 * Jackson: so the result, when there is one, is the record Jackson would have built ({@code PostingJsonTest} compares
 * the two on written and on damaged text).
 *
 * <p>The same for an {@link EntryPosted} without prices ({@link #readEntry}): a ledger's entry events are a quarter of
 * its events and, read by Jackson, were most of a first open's decoding (docs/cli-speed.md, first open, session 11).
 */
final class PostingJson {

    /** Longer texts, and longer numbers, are left to Jackson, whose read constraints then apply as before. */
    private static final int LONGEST_TEXT = 100_000;
    private static final int LONGEST_NUMBER = 100;
    /** Account names already checked by {@link AccountName}'s constructor; more than this many are checked as they come. */
    private static final int ACCOUNT_NAMES_HELD_AT_MOST = 20_000;
    private static final Map<String, AccountName> ACCOUNT_NAMES = new ConcurrentHashMap<>();

    private final String json;
    private int at;

    private PostingJson(String json) {
        this.json = json;
    }

    /** The posting, or null when the text is not in the form the codec writes (or the record refuses its values). */
    static PostingRecorded read(String json) {
        return readWith(json, PostingJson::posting);
    }

    /**
     * The entry, or null when the text is not in the form the codec writes, a posting has a price (left to Jackson), or
     * the records refuse its values.
     */
    static EntryPosted readEntry(String json) {
        return readWith(json, PostingJson::entry);
    }

    private static <T> T readWith(String json, Function<PostingJson, T> reader) {
        if (json == null || json.length() > LONGEST_TEXT) {
            return null;
        }
        try {
            return reader.apply(new PostingJson(json));
        } catch (RuntimeException notThisForm) { // NotCanonical, or a value a record or the date refuses
            return null;
        }
    }

    private EntryPosted entry() {
        expect('{');
        EntryId entryId = new EntryId(string(name("entryId")));
        LocalDate date = IsoDateModule.parseDate(string(name(",\"date\"")));
        LocalDate secondaryDate = nullableDate(name(",\"secondaryDate\""));
        EntryStatus status = EntryStatus.valueOf(string(name(",\"status\"")));
        String code = nullableString(name(",\"code\""));
        String description = string(name(",\"description\""));
        Map<String, String> tags = object(name(",\"tags\""), this::nullableString); // a tag's value may be null
        String comment = nullableString(name(",\"comment\""));
        List<Posting> postings = postings(name(",\"postings\""));
        String reverses = nullableString(name(",\"reversesEntryId\""));
        Map<String, Integer> displayPrecision = object(name(",\"displayPrecision\""), this::integer);
        expect('}');
        if (at != json.length()) {
            throw NotCanonical.INSTANCE;
        }
        return new EntryPosted(entryId, date, secondaryDate, status, code, description, tags, comment, postings,
                reverses == null ? null : new EntryId(reverses), displayPrecision);
    }

    private List<Posting> postings(int from) {
        at = from;
        expect('[');
        List<Posting> postings = new ArrayList<>(4);
        if (peek() == ']') {
            at++;
            return postings;
        }
        postings.add(entryPosting());
        while (peek() == ',') {
            at++;
            postings.add(entryPosting());
        }
        expect(']');
        return postings;
    }

    /** {@code {"account","amount","price":null,"comment","kind","date"}}; a price is left to Jackson. */
    private Posting entryPosting() {
        expect('{');
        AccountName account = accountName(string(name("account")));
        Money amount = money(name(",\"amount\""));
        name(",\"price\"");
        if (!json.startsWith("null", at)) {
            throw NotCanonical.INSTANCE;
        }
        at += 4;
        String comment = nullableString(name(",\"comment\""));
        String kind = nullableString(name(",\"kind\""));
        LocalDate date = nullableDate(name(",\"date\""));
        expect('}');
        return new Posting(account, amount, null, comment, kind == null ? null : PostingKind.valueOf(kind), date);
    }

    /**
     * The account name, checked once per distinct name: a ledger has a few thousand accounts and hundreds of thousands of
     * entry postings, and checking each again was a tenth of a first open's decoding (docs/cli-speed.md, first open,
     * session 15). A name the record refuses is never held, so it is refused every time, as before.
     */
    private static AccountName accountName(String text) {
        AccountName held = ACCOUNT_NAMES.get(text);
        if (held != null) {
            return held;
        }
        AccountName checked = new AccountName(text);
        if (ACCOUNT_NAMES.size() < ACCOUNT_NAMES_HELD_AT_MOST) {
            ACCOUNT_NAMES.put(text, checked);
        }
        return checked;
    }

    private LocalDate nullableDate(int from) {
        String text = nullableString(from);
        return text == null ? null : IsoDateModule.parseDate(text);
    }

    /** {@code {"name":value,...}}, in the text's order; each value read by {@code value} from where it starts. */
    private <V> Map<String, V> object(int from, IntFunction<V> value) {
        at = from;
        Map<String, V> values = new LinkedHashMap<>();
        expect('{');
        while (peek() != '}') {
            if (!values.isEmpty()) {
                expect(',');
            }
            String name = string(at);
            expect(':');
            values.put(name, value.apply(at));
        }
        at++;
        return values;
    }

    private PostingRecorded posting() {
        expect('{');
        EntryId entryId = new EntryId(string(name("entryId")));
        int postingIndex = integer(name(",\"postingIndex\""));
        String date = string(name(",\"date\""));
        String description = string(name(",\"description\""));
        Money amount = money(name(",\"amount\""));
        Money cost = money(name(",\"cost\""));
        List<String> otherAccounts = strings(name(",\"otherAccounts\""));
        String reverses = nullableString(name(",\"reversesEntryId\""));
        PostingKind kind = PostingKind.valueOf(string(name(",\"kind\"")));
        expect('}');
        if (at != json.length()) {
            throw NotCanonical.INSTANCE; // Jackson reads the first value and ignores what follows; it decides
        }
        return new PostingRecorded(entryId, postingIndex, IsoDateModule.parseDate(date), description, amount, cost,
                otherAccounts, reverses == null ? null : new EntryId(reverses), kind);
    }

    /** Skips {@code "name":} (the first field's name is given without its quotes and comma); returns {@code at}. */
    private int name(String name) {
        if (name.charAt(0) != ',') {
            expect('"');
        }
        if (!json.startsWith(name, at)) {
            throw NotCanonical.INSTANCE;
        }
        at += name.length();
        if (name.charAt(0) != ',') {
            expect('"');
        }
        expect(':');
        return at;
    }

    private Money money(int from) {
        at = from;
        expect('{');
        BigDecimal amount = decimal(name("amount"));
        String commodity = string(name(",\"commodity\""));
        expect('}');
        return new Money(amount, commodity);
    }

    private List<String> strings(int from) {
        at = from;
        expect('[');
        List<String> values = new ArrayList<>(4);
        if (peek() == ']') {
            at++;
            return values;
        }
        values.add(string(at));
        while (peek() == ',') {
            at++;
            values.add(string(at));
        }
        expect(']');
        return values;
    }

    private String nullableString(int from) {
        at = from;
        if (json.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return string(at);
    }

    /** A string without escapes or control characters (anything else is left to Jackson). */
    private String string(int from) {
        at = from;
        expect('"');
        int start = at;
        for (; at < json.length(); at++) {
            char c = json.charAt(at);
            if (c == '"') {
                return json.substring(start, at++);
            }
            if (c == '\\' || c < 0x20) {
                throw NotCanonical.INSTANCE;
            }
        }
        throw NotCanonical.INSTANCE;
    }

    /** {@code -?(0|[1-9][0-9]{0,9})} within an int's range (Jackson refuses what overflows). */
    private int integer(int from) {
        at = from;
        int end = numberEnd(false);
        if (end - from > 11) {
            throw NotCanonical.INSTANCE;
        }
        return Math.toIntExact(Long.parseLong(json, from, end, 10));
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, as JSON writes it without an exponent. */
    private BigDecimal decimal(int from) {
        at = from;
        int end = numberEnd(true);
        if (end - from > LONGEST_NUMBER) {
            throw NotCanonical.INSTANCE;
        }
        return new BigDecimal(json.substring(from, end));
    }

    private int numberEnd(boolean fraction) {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (peek() >= '1' && peek() <= '9') {
            skipDigits();
        } else {
            throw NotCanonical.INSTANCE;
        }
        if (fraction && peek() == '.') {
            at++;
            int digitsFrom = at;
            skipDigits();
            if (at == digitsFrom) {
                throw NotCanonical.INSTANCE;
            }
        }
        char next = peek();
        if (next != ',' && next != '}') {
            throw NotCanonical.INSTANCE; // an exponent, a fraction where an int belongs, or not a number at all
        }
        return at;
    }

    private void skipDigits() {
        while (at < json.length() && json.charAt(at) >= '0' && json.charAt(at) <= '9') {
            at++;
        }
    }

    private char peek() {
        if (at >= json.length()) {
            throw NotCanonical.INSTANCE;
        }
        return json.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw NotCanonical.INSTANCE;
        }
        at++;
    }

    /** The text is not in the codec's own form: thrown without a stack trace, caught in {@link #read}. */
    private static final class NotCanonical extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not in the codec's own form", null, false, false);
        }
    }
}
