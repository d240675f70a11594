package dev.eventscope.codec;

import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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
}
