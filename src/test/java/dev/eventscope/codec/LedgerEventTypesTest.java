package dev.eventscope.codec;

import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerEventTypesTest {

    private final EventCodec codec = new EventCodec(LedgerEventTypes.registry().build());

    private static RecordedEvent stored(String type, int schemaVersion, String data) {
        return new RecordedEvent(1, "e-1", StreamId.of("account-assets:bank"), 1, type, schemaVersion, data,
                EventMetadata.by("tester"), 0, "00");
    }

    @Test
    void an_account_opened_in_the_version_1_shape_is_read_as_the_current_record() {
        RecordedEvent v1 = stored("AccountOpened", 1, "{\"account\":\"Assets:Bank\",\"openedOn\":\"2024-01-01\"}");
        DecodedEvent decoded = codec.decode(v1);
        assertEquals(new AccountOpened(AccountName.of("Assets:Bank"), AccountType.ASSETS, LocalDate.of(2024, 1, 1), null),
                decoded.value().orElseThrow());
        assertTrue(decoded.wasUpcasted());
        assertEquals("{\"account\":\"Assets:Bank\",\"openedOn\":\"2024-01-01\"}", v1.data(), "the stored bytes never change");
    }

    @Test
    void new_account_openings_are_written_as_version_2_with_plain_names() {
        EncodedEvent encoded = codec.encode(new AccountOpened(AccountName.of("assets:bank"), AccountType.ASSETS,
                LocalDate.of(2025, 1, 2), "Main account"));
        assertEquals(2, encoded.schemaVersion());
        assertEquals("{\"name\":\"assets:bank\",\"type\":\"ASSETS\",\"openedOn\":\"2025-01-02\",\"description\":\"Main account\"}",
                encoded.json());
    }

    @Test
    void postings_recorded_before_virtual_postings_existed_read_as_real_and_entries_as_balanced_exactly() {
        RecordedEvent posting = stored("PostingRecorded", 1, "{\"entryId\":\"E1\",\"postingIndex\":1,"
                + "\"date\":\"2024-01-01\",\"description\":\"d\",\"amount\":{\"amount\":5,\"commodity\":\"EUR\"},"
                + "\"cost\":{\"amount\":5,\"commodity\":\"EUR\"},\"otherAccounts\":[\"equity\"],\"reversesEntryId\":null}");
        PostingRecorded recorded = (PostingRecorded) codec.decode(posting).value().orElseThrow();
        assertEquals(PostingKind.REAL, recorded.kind());
        RecordedEvent entry = stored("EntryPosted", 1, "{\"entryId\":\"E1\",\"date\":\"2024-01-01\","
                + "\"secondaryDate\":null,\"status\":\"UNMARKED\",\"code\":null,\"description\":\"d\",\"tags\":{},"
                + "\"comment\":null,\"postings\":[{\"account\":\"assets:bank\",\"amount\":{\"amount\":5,"
                + "\"commodity\":\"EUR\"},\"price\":null,\"comment\":null}],\"reversesEntryId\":null}");
        EntryPosted posted = (EntryPosted) codec.decode(entry).value().orElseThrow();
        assertEquals(PostingKind.REAL, posted.postings().get(0).kind());
        assertEquals(Map.of(), posted.displayPrecision());
    }

    @Test
    void a_virtual_posting_keeps_its_kind_through_the_codec() {
        PostingRecorded virtual = new PostingRecorded(EntryId.of("E2"), 3, LocalDate.of(2025, 1, 2), "budget",
                Money.of("-10", "EUR"), Money.of("-10", "EUR"), List.of("assets:cash"), null, PostingKind.VIRTUAL);
        EncodedEvent encoded = codec.encode(virtual);
        assertTrue(encoded.json().contains("\"kind\":\"VIRTUAL\""), encoded.json());
        assertEquals(virtual, codec.decode(stored("PostingRecorded", encoded.schemaVersion(), encoded.json()))
                .value().orElseThrow());
    }
}
