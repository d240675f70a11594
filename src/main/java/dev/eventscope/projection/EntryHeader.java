package dev.eventscope.projection;

import dev.eventscope.codec.DateDigits;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.PostingKind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the journal keeps of an entry's {@code EntryPosted} event: its id, date, description and the entry it reverses,
 * read from text in the codec's own form (its fields in their order, no white space, strings without escapes) without
 * building the entry's postings. A projection that reads nothing else of such an event says so
 * ({@link Projection#readsEntryHeadersOnly}) and gets this as the event's value: the postings were a quarter of a first
 * open's decoding, for a read model that stores none of them (docs/cli-speed.md, first open, session 16).
 *
 * <p>The whole text is still checked: every field of the entry and of each posting by name and in order, every string,
 * number, null and object in the form the codec writes, the header's values, the status, and each posting's kind and
 * date as their readers check them. Anything else gives null, and the event is decoded in full as before (so text that
 * is not JSON, or does not fit, stops the projection as before). What is not built is the postings' account names and
 * amounts: those records are built, and checked, from each posting's own {@code PostingRecorded} event by the balances
 * projection ({@code EntryHeaderTest} compares this with the full decode on written and on damaged text).
 */
public record EntryHeader(EntryId entryId, LocalDate date, String description, EntryId reversesEntryId) {

    /** Longer texts are left to the full decode, as the codec leaves them to Jackson. */
    private static final int LONGEST_TEXT = 100_000;
    private static final EntryStatus[] STATUSES = EntryStatus.values();
    private static final PostingKind[] KINDS = PostingKind.values();
    /** The text is not in the codec's own form: made once (throwing it fills in no stack), caught in {@link #read}. */
    private static final RuntimeException NOT_CANONICAL = new IllegalArgumentException("not in the codec's own form");

    public EntryHeader {
        Objects.requireNonNull(entryId, "entry id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
    }

    /** The header, or null when the text is not an entry in the codec's own form without prices. */
    static EntryHeader read(String json) {
        if (json == null || json.length() > LONGEST_TEXT) {
            return null;
        }
        try {
            return new Scan(json).entry();
        } catch (RuntimeException notThisForm) { // NOT_CANONICAL, a value its reader refuses, or a text that ends early
            return null;
        }
    }

    /** One pass over the text, as {@code PostingJson} reads it, building only the header's values. */
    private static final class Scan {

        private final String json;
        private int at;

        Scan(String json) {
            this.json = json;
        }

        EntryHeader entry() {
            expect('{');
            field("\"entryId\":");
            EntryId entryId = new EntryId(string());
            field(",\"date\":");
            LocalDate date = date(string());
            field(",\"secondaryDate\":");
            if (!nullHere()) {
                date(string());
            }
            field(",\"status\":");
            oneOf(STATUSES);
            field(",\"code\":");
            skipNullableString();
            field(",\"description\":");
            String description = string();
            field(",\"tags\":");
            object(true);
            field(",\"comment\":");
            skipNullableString();
            field(",\"postings\":");
            postings();
            field(",\"reversesEntryId\":");
            EntryId reverses = nullHere() ? null : new EntryId(string());
            field(",\"displayPrecision\":");
            object(false);
            expect('}');
            if (at != json.length()) {
                throw NOT_CANONICAL;
            }
            return new EntryHeader(entryId, date, description, reverses);
        }

        /** {@code [{"account","amount":{"amount","commodity"},"price":null,"comment","kind","date"},...]}. */
        private void postings() {
            expect('[');
            if (peek() == ']') {
                at++;
                return;
            }
            do {
                expect('{');
                field("\"account\":");
                skipString();
                field(",\"amount\":{\"amount\":");
                number(true);
                field(",\"commodity\":");
                skipString();
                field("},\"price\":null,\"comment\":");
                skipNullableString();
                field(",\"kind\":");
                if (!nullHere()) {
                    oneOf(KINDS);
                }
                field(",\"date\":");
                if (!nullHere()) {
                    date(string());
                }
                expect('}');
            } while (comma());
            expect(']');
        }

        /** {@code {"name":value,...}}: string-or-null values (tags) or int values (display precisions). */
        private void object(boolean strings) {
            expect('{');
            if (peek() == '}') {
                at++;
                return;
            }
            do {
                skipString();
                expect(':');
                if (strings) {
                    skipNullableString();
                } else {
                    int from = at;
                    number(false);
                    if (at - from > 11) {
                        throw NOT_CANONICAL;
                    }
                    Math.toIntExact(Long.parseLong(json, from, at, 10));
                }
            } while (comma());
            expect('}');
        }

        private static LocalDate date(String text) {
            LocalDate date = DateDigits.read(text, "-");
            return date != null ? date : LocalDate.parse(text);
        }

        /** A quoted constant's name, as {@code valueOf} would accept it. */
        private <E extends Enum<E>> void oneOf(E[] constants) {
            expect('"');
            for (E constant : constants) {
                String name = constant.name();
                if (json.startsWith(name, at) && at + name.length() < json.length() && json.charAt(at + name.length()) == '"') {
                    at += name.length() + 1;
                    return;
                }
            }
            throw NOT_CANONICAL;
        }

        private void field(String text) {
            if (!json.startsWith(text, at)) {
                throw NOT_CANONICAL;
            }
            at += text.length();
        }

        private boolean nullHere() {
            if (json.startsWith("null", at)) {
                at += 4;
                return true;
            }
            return false;
        }

        private boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
        }

        private void skipNullableString() {
            if (!nullHere()) {
                skipString();
            }
        }

        private String string() {
            int start = at + 1;
            skipString();
            return json.substring(start, at - 1);
        }

        /** A string without escapes or control characters (anything else is left to the full decode). */
        private void skipString() {
            expect('"');
            for (; at < json.length(); at++) {
                char c = json.charAt(at);
                if (c == '"') {
                    at++;
                    return;
                }
                if (c == '\\' || c < 0x20) {
                    throw NOT_CANONICAL;
                }
            }
            throw NOT_CANONICAL;
        }

        /**
         * {@code -?(0|[1-9][0-9]*)}, with {@code (\.[0-9]+)?} when {@code fraction}, followed by ',' or '}'. A text that
         * ends early throws {@code charAt}'s exception, which {@link #read} takes as any other.
         */
        private void number(boolean fraction) {
            int from = at;
            if (json.charAt(at) == '-') {
                at++;
            }
            int integerDigits = digits();
            if (integerDigits == 0 || integerDigits > 1 && json.charAt(at - integerDigits) == '0') {
                throw NOT_CANONICAL; // no digit, or a leading zero
            }
            if (fraction && json.charAt(at) == '.') {
                at++;
                if (digits() == 0) {
                    throw NOT_CANONICAL;
                }
            }
            char next = json.charAt(at);
            if (next != ',' && next != '}' || at - from > 100) {
                throw NOT_CANONICAL; // an exponent, or longer than the codec's reader takes: left to the full decode
            }
        }

        /** Skips ASCII digits; returns how many. */
        private int digits() {
            int from = at;
            while (at < json.length() && (char) (json.charAt(at) - '0') <= 9) {
                at++;
            }
            return at - from;
        }

        private char peek() {
            return json.charAt(at);
        }

        private void expect(char c) {
            if (json.charAt(at) != c) {
                throw NOT_CANONICAL;
            }
            at++;
        }
    }
}
