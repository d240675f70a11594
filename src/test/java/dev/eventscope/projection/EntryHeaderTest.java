package dev.eventscope.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.codec.LedgerEventTypes;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.PostingPrice;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EntryHeader#read} gives the header of the record the full decode builds from the same text, or nothing (and
 * then the event is decoded in full). The one thing it does not check is what only the postings' records check: an
 * account name or commodity they refuse; such a text is read in full once those are replaced.
 */
class EntryHeaderTest {

    private static final String[] TEXTS = {"Rent", "", " padded ", "日本 \uD83D\uDCB6", "a \"quote\"", "back\\slash", "tab\there",
            "\u007f", "Invoice 7"};
    private static final String[] COMMODITIES = {"EUR", "€", Money.NO_SYMBOL, "ACME Inc"};
    private final EventCodec codec = new EventCodec(LedgerEventTypes.registry().build());
    @TempDir
    Path folder;

    @Test
    void a_written_entry_gives_the_header_of_its_record_unless_it_has_escapes_or_prices() {
        Random random = new Random(16);
        int read = 0;
        for (int i = 0; i < 3_000; i++) {
            EntryPosted entry = entry(random);
            String json = codec.encode(entry).json();
            EntryHeader header = EntryHeader.read(json);
            boolean priced = entry.postings().stream().anyMatch(posting -> posting.price() != null);
            if (json.indexOf('\\') < 0 && !priced) {
                assertEquals(headerOf(entry), header, json);
                read++;
            } else {
                assertNull(header, json);
            }
        }
        assertTrue(read > 300, read + " of 3,000 read: the comparison must have cases");
    }

    @Test
    void a_damaged_text_gives_the_full_decodes_header_or_nothing() {
        Random random = new Random(17);
        int accepted = 0;
        int onlyTheirRecordsRefuse = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = damaged(codec.encode(entry(random)).json(), random);
            EntryHeader header = EntryHeader.read(text);
            if (header == null) {
                continue;
            }
            accepted++;
            DecodedEvent full = codec.decode(recorded(text));
            if (full.value().orElse(null) instanceof EntryPosted posted) {
                assertEquals(headerOf(posted), header, text);
                continue;
            }
            // refused: only by a posting's account name or commodity, which the balances projection reads and checks
            JsonNode tree = full.json();
            assertNotNull(tree.get("postings"), text + ": " + full.problem().orElse(""));
            for (JsonNode posting : tree.get("postings")) {
                ((ObjectNode) posting).put("account", "assets:bank");
                ((ObjectNode) posting.get("amount")).put("commodity", "EUR");
            }
            DecodedEvent mended = codec.decode(recorded(tree.toString()));
            assertEquals(headerOf((EntryPosted) mended.value().orElseThrow(() -> new AssertionError(
                    "read as a header, refused in full for more than a posting's account or commodity: " + text + ": "
                            + mended.problem().orElse("")))), header, text);
            onlyTheirRecordsRefuse++;
        }
        assertTrue(accepted > 100, accepted + " damaged texts read as a header: the comparison must have cases");
        assertTrue(onlyTheirRecordsRefuse < accepted, "most accepted damage is within what the full decode accepts");
    }

    @Test
    void anything_but_the_codecs_own_form_is_left_to_the_full_decode() {
        String json = codec.encode(entry(new Random(18))).json();
        assertNotNull(EntryHeader.read(json));
        assertNull(EntryHeader.read(json + " "));
        assertNull(EntryHeader.read(json.replace("\"status\":\"", "\"status\":\"x")));
        assertNull(EntryHeader.read(json.replace("{\"entryId\"", "{ \"entryId\"")));
        assertNull(EntryHeader.read(json.replaceFirst("\"entryId\":\"E[0-9]+\"", "\"entryId\":\" \"")), "a blank entry id");
        assertNull(EntryHeader.read(json.replaceFirst("\"date\":\"[0-9-]+\"", "\"date\":\"2021-02-30\"")), "not a date");
        assertNull(EntryHeader.read(json.substring(0, json.length() - 1)));
        assertNull(EntryHeader.read("not json"));
        assertNull(EntryHeader.read(null));
    }

    @Test
    void a_batch_for_the_journal_alone_reads_a_header_and_one_for_a_projection_that_decodes_entries_reads_the_record() throws Exception {
        EntryPosted entry = entry(new Random(19));
        while (entry.postings().stream().anyMatch(posting -> posting.price() != null)
                || codec.encode(entry).json().indexOf('\\') >= 0) {
            entry = entry(new Random(entry.hashCode()));
        }
        RecordedEvent recorded = recorded(codec.encode(entry).json());
        Object forTheJournal = decodedBy(List.of(new JournalProjection()), recorded).value().orElseThrow();
        assertEquals(headerOf(entry), assertInstanceOf(EntryHeader.class, forTheJournal));
        Projection readsEverything = new RefusingProjection("every-event", -1);
        assertEquals(entry, decodedBy(List.of(new JournalProjection(), readsEverything), recorded).value().orElseThrow());
        assertEquals(entry, decodedBy(List.of(readsEverything, new JournalProjection()), recorded).value().orElseThrow());
    }

    private DecodedEvent decodedBy(List<Projection> readers, RecordedEvent recorded) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve(readers.size() + "-" + readers.get(0).name() + ".ledger"))) {
            store.append(recorded.streamId(), ExpectedVersion.ANY, List.of(new NewEvent("e1", recorded.type(),
                    recorded.schemaVersion(), recorded.data(), recorded.metadata())));
            try (BatchSource source = new BatchSource(store, codec, readers, 10)) {
                return source.read(0).get(0);
            }
        }
    }

    private static EntryHeader headerOf(EntryPosted entry) {
        return new EntryHeader(entry.entryId(), entry.date(), entry.description(), entry.reversesEntryId());
    }

    private static RecordedEvent recorded(String json) {
        return new RecordedEvent(1, "e", StreamId.of("entry-E1"), 1, "EntryPosted", 1, json,
                new EventMetadata("u", null, null, null), 0, "00");
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static EntryPosted entry(Random random) {
        List<Posting> postings = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            String account = random.nextInt(5) == 0 ? "Expenses:Tab\there" : "expenses:cat-" + random.nextInt(50);
            Money amount = new Money(BigDecimal.valueOf(random.nextLong() % 1_000_000, random.nextInt(6)),
                    COMMODITIES[random.nextInt(COMMODITIES.length)]);
            postings.add(new Posting(AccountName.of(account.contains("\t") ? "assets:bank" : account), amount,
                    random.nextInt(8) == 0 ? PostingPrice.unit(new Money(BigDecimal.ONE, "USD")) : null,
                    random.nextBoolean() ? null : text(random),
                    random.nextInt(4) == 0 ? null : PostingKind.values()[random.nextInt(PostingKind.values().length)],
                    random.nextBoolean() ? null : LocalDate.of(2001 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            tags.put(text(random) + n, random.nextInt(4) == 0 ? "" : text(random));
        }
        Map<String, Integer> precision = new LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            precision.put(COMMODITIES[random.nextInt(COMMODITIES.length)], random.nextInt(6));
        }
        return new EntryPosted(new EntryId("E" + random.nextInt(1_000_000)),
                LocalDate.of(1 + random.nextInt(9_999), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean() ? null : LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                EntryStatus.values()[random.nextInt(EntryStatus.values().length)], random.nextBoolean() ? null : text(random),
                random.nextInt(3) == 0 ? text(random) : "Invoice " + random.nextInt(100_000), tags,
                random.nextBoolean() ? null : text(random), postings,
                random.nextBoolean() ? null : new EntryId("E" + random.nextInt(100)), precision);
    }

    /** The text with one or two random insertions, deletions, replacements or cuts. */
    private static String damaged(String json, Random random) {
        char[] inserts = {' ', '"', '\\', ',', '}', ']', '{', '[', ':', '0', '9', '.', 'e', '-', 'n', '\n', 'é', '\u0001'};
        StringBuilder damaged = new StringBuilder(json);
        for (int n = 1 + random.nextInt(2); n > 0 && damaged.length() > 0; n--) {
            int at = random.nextInt(damaged.length());
            switch (random.nextInt(4)) {
                case 0 -> damaged.insert(at, inserts[random.nextInt(inserts.length)]);
                case 1 -> damaged.deleteCharAt(at);
                case 2 -> damaged.setCharAt(at, inserts[random.nextInt(inserts.length)]);
                default -> damaged.setLength(at);
            }
        }
        return damaged.toString();
    }
}
