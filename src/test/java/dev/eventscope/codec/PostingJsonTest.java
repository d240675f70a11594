package dev.eventscope.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.PostingPrice;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PostingJson} builds the record Jackson builds from the same text, or nothing (and then Jackson reads it). */
class PostingJsonTest {

    private static final String[] TEXTS = {"Office supplies", "", " padded ", "é ü 日本 \uD83D\uDCB6", "a \"quote\"", "back\\slash",
            "tab\there", "new\nline", "\u007f\u0085", "x"};
    private static final String[] COMMODITIES = {"EUR", "€", Money.NO_SYMBOL, "ACME Inc", "\"Q\""};
    private final ObjectReader jackson = EventCodec.newObjectMapper().readerFor(PostingRecorded.class);
    private final EventCodec codec = new EventCodec(LedgerEventTypes.registry().build());

    @Test
    void every_written_posting_reads_back_as_jackson_reads_it_and_without_jackson_when_nothing_is_escaped() throws Exception {
        Random random = new Random(14);
        int withoutJackson = 0;
        for (int i = 0; i < 5_000; i++) {
            PostingRecorded posting = randomPosting(random);
            String json = codec.encode(posting).json();
            PostingRecorded fast = PostingJson.read(json);
            assertEquals(posting, jackson.readValue(json), json);
            if (json.indexOf('\\') < 0) {
                assertNotNull(fast, json);
                withoutJackson++;
            }
            if (fast != null) {
                assertEquals(posting, fast, json);
            }
        }
        assertTrue(withoutJackson > 1_000, withoutJackson + " of 5,000 read without Jackson");
    }

    @Test
    void a_damaged_text_gives_jacksons_record_or_nothing() throws Exception {
        Random random = new Random(15);
        int accepted = readDamaged(30_000, () -> codec.encode(randomPosting(random)).json(), PostingJson::read, jackson, random);
        assertTrue(accepted > 100, accepted + " damaged texts read without Jackson: the comparison must have cases");
    }

    @Test
    void text_after_the_posting_and_white_space_are_left_to_jackson() throws Exception {
        String json = codec.encode(new PostingRecorded(new EntryId("JE-1"), 1, LocalDate.of(2025, 1, 31), "Rent",
                Money.of("12.50", "EUR"), Money.of("12.5", "EUR"), List.of("assets:bank"), null)).json();
        assertNotNull(PostingJson.read(json), json);
        assertNull(PostingJson.read(json + " "));
        assertNull(PostingJson.read(json + "{}"));
        assertNull(PostingJson.read(json.replace(",", ", ")));
        assertNull(PostingJson.read(json.replace("\"kind\":\"REAL\"", "\"kind\":\"real\"")));
        assertNull(PostingJson.read(null));
        assertEquals(jackson.readValue(json + "{}"), codec.decodeValue(recorded(json + "{}")).value().orElseThrow());
        assertEquals(PostingJson.read(json), codec.decodeValue(recorded(json)).value().orElseThrow());
    }

    private static dev.eventscope.eventstore.RecordedEvent recorded(String json) {
        return new dev.eventscope.eventstore.RecordedEvent(1, "e", dev.eventscope.eventstore.StreamId.of("account-a"), 1,
                "PostingRecorded", 1, json, new dev.eventscope.eventstore.EventMetadata("u", null, null, null), 0, "00");
    }

    private static PostingRecorded randomPosting(Random random) {
        List<String> accounts = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            accounts.add(random.nextBoolean() ? "expenses:office" : TEXTS[random.nextInt(TEXTS.length)]);
        }
        String description = random.nextInt(3) == 0 ? TEXTS[random.nextInt(TEXTS.length)] : "Invoice " + random.nextInt(100_000);
        return new PostingRecorded(new EntryId("JE-" + random.nextInt(1_000_000)), random.nextInt(5) - 1 + (random.nextInt(20) == 0 ? Integer.MAX_VALUE - 3 : 0) - (random.nextInt(20) == 0 ? 2_000_000_000 : 0),
                LocalDate.of(1 + random.nextInt(9_999), 1 + random.nextInt(12), 1 + random.nextInt(28)), description,
                money(random), money(random), accounts, random.nextBoolean() ? null : new EntryId("JE-" + random.nextInt(100)),
                PostingKind.values()[random.nextInt(PostingKind.values().length)]);
    }

    private static Money money(Random random) {
        BigInteger digits = new BigInteger(1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 40), random);
        BigDecimal amount = new BigDecimal(random.nextBoolean() ? digits : digits.negate(), random.nextInt(12) - 3);
        return new Money(amount, COMMODITIES[random.nextInt(COMMODITIES.length)]);
    }

    /**
     * Damages {@code rounds} written texts; whenever the fast reader reads one, Jackson must read the same record from it.
     * Returns how many it read.
     */
    private static int readDamaged(int rounds, Supplier<String> written, Function<String, Object> fast, ObjectReader jackson,
                                   Random random) {
        int accepted = 0;
        for (int i = 0; i < rounds; i++) {
            String text = damaged(written.get(), random);
            Object read = fast.apply(text);
            if (read != null) {
                accepted++;
                Object expected;
                try {
                    expected = jackson.readValue(text);
                } catch (Exception refused) {
                    throw new AssertionError("read without Jackson, refused by Jackson (" + refused.getMessage() + "): " + text, refused);
                }
                assertEquals(expected, read, text);
            }
        }
        return accepted;
    }

    /** The text with one or two random insertions, deletions, replacements, truncations or repeats. */
    private static String damaged(String json, Random random) {
        char[] inserts = {' ', '"', '\\', ',', '}', ']', '{', '[', ':', '0', '9', '.', 'e', 'E', '-', '+', 'a', 'n', '\n', 'é', '\u0001'};
        StringBuilder damaged = new StringBuilder(json);
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            int at = random.nextInt(damaged.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> damaged.insert(at, inserts[random.nextInt(inserts.length)]);
                case 1 -> damaged.deleteCharAt(Math.min(at, damaged.length() - 1));
                case 2 -> damaged.setCharAt(Math.min(at, damaged.length() - 1), inserts[random.nextInt(inserts.length)]);
                case 3 -> damaged.setLength(at);
                default -> damaged.insert(at, damaged.substring(random.nextInt(Math.max(1, at)), at));
            }
            if (damaged.length() == 0) {
                damaged.append('{');
            }
        }
        return damaged.toString();
    }

    private final ObjectReader jacksonEntries = EventCodec.newObjectMapper().readerFor(EntryPosted.class);

    @Test
    void every_written_entry_without_prices_reads_back_as_jackson_reads_it_and_a_damaged_one_as_jackson_or_not_at_all()
            throws Exception {
        Random random = new Random(16);
        int withoutJackson = 0;
        for (int i = 0; i < 3_000; i++) {
            EntryPosted entry = randomEntry(random);
            String json = codec.encode(entry).json();
            EntryPosted fast = PostingJson.readEntry(json);
            EntryPosted read = jacksonEntries.readValue(json);
            assertEquals(entry, read, json);
            boolean priced = entry.postings().stream().anyMatch(posting -> posting.price() != null);
            if (json.indexOf('\\') < 0 && !priced) {
                assertNotNull(fast, json);
                withoutJackson++;
            }
            if (fast != null) {
                assertEquals(entry, fast, json);
                // in the order the text holds them, as Jackson keeps them
                assertEquals(List.copyOf(read.tags().keySet()), List.copyOf(fast.tags().keySet()), json);
            }
        }
        assertTrue(withoutJackson > 200, withoutJackson + " of 3,000 read without Jackson");
        int accepted = readDamaged(20_000, () -> codec.encode(randomEntry(random)).json(), PostingJson::readEntry,
                jacksonEntries, random);
        assertTrue(accepted > 50, accepted + " damaged texts read without Jackson: the comparison must have cases");
    }

    @Test
    void the_codec_reads_an_entry_as_it_did_with_jackson_alone() {
        EntryPosted entry = randomEntry(new Random(17));
        String json = codec.encode(entry).json();
        RecordedEvent recorded = new RecordedEvent(1, "e", StreamId.of("entry-E1"), 1, "EntryPosted", 1, json,
                new EventMetadata("u", null, null, null), 0, "00");
        assertEquals(entry, codec.decodeValue(recorded).value().orElseThrow());
        assertEquals(codec.decode(recorded).value().orElseThrow(), codec.decodeValue(recorded).value().orElseThrow());
        assertNull(PostingJson.readEntry(json + " "));
        assertNull(PostingJson.readEntry(json.replace("\"status\":\"", "\"status\":\"x")));
    }

    private static EntryPosted randomEntry(Random random) {
        List<Posting> postings = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            String account = random.nextInt(4) == 0 ? TEXTS[random.nextInt(TEXTS.length)] : "expenses:cat-" + random.nextInt(50);
            if (account.isBlank() || account.contains(":") && account.startsWith(":")) {
                account = "assets:bank";
            }
            PostingPrice price = random.nextInt(6) == 0 ? PostingPrice.unit(new Money(BigDecimal.ONE, "USD")) : null;
            try {
                postings.add(new Posting(AccountName.of(account), money(random), price,
                        random.nextBoolean() ? null : TEXTS[random.nextInt(TEXTS.length)],
                        random.nextInt(4) == 0 ? null : PostingKind.values()[random.nextInt(PostingKind.values().length)],
                        random.nextBoolean() ? null : LocalDate.of(2000 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))));
            } catch (RuntimeException notAnAccountName) {
                postings.add(Posting.of(AccountName.of("assets:bank"), money(random)));
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            tags.put(TEXTS[random.nextInt(TEXTS.length)] + n, random.nextInt(4) == 0 ? "" : TEXTS[random.nextInt(TEXTS.length)]);
        }
        Map<String, Integer> precision = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            precision.put(COMMODITIES[random.nextInt(COMMODITIES.length)], random.nextInt(6));
        }
        return new EntryPosted(new EntryId("E" + random.nextInt(1_000_000)),
                LocalDate.of(1 + random.nextInt(9_999), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean() ? null : LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                EntryStatus.values()[random.nextInt(EntryStatus.values().length)],
                random.nextBoolean() ? null : TEXTS[random.nextInt(TEXTS.length)],
                random.nextInt(3) == 0 ? TEXTS[random.nextInt(TEXTS.length)] : "Invoice " + random.nextInt(100_000), tags,
                random.nextBoolean() ? null : TEXTS[random.nextInt(TEXTS.length)], postings,
                random.nextBoolean() ? null : new EntryId("E" + random.nextInt(100)), precision);
    }
}
