package dev.eventscope.codec;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The account types an import declared, recorded on its {@code JournalImported} event (session 17), and older events without them. */
class JournalImportedDeclaredTypesTest {

    private final EventCodec codec = new EventCodec(LedgerEventTypes.registry().build());

    private static RecordedEvent stored(int schemaVersion, String data) {
        return new RecordedEvent(1, "e-1", StreamId.of("ledger"), 1, "JournalImported", schemaVersion, data,
                EventMetadata.by("tester"), 0, "00");
    }

    @Test
    void an_import_recorded_before_declared_types_reads_as_one_that_declared_none() {
        RecordedEvent old = stored(1, "{\"journal\":\"books.journal\",\"sha256\":\"" + "0".repeat(64) + "\",\"entries\":2,"
                + "\"firstEntryId\":\"E1\",\"lastEntryId\":\"E2\"}");
        DecodedEvent decoded = codec.decode(old);
        assertEquals(new JournalImported("books.journal", "0".repeat(64), 2, EntryId.of("E1"), EntryId.of("E2")),
                decoded.value().orElseThrow());
        assertFalse(decoded.wasUpcasted(), "a missing field is read as none; no schema change");
    }

    @Test
    void declared_types_are_written_readably_by_type_in_declaration_order_and_read_back() {
        JournalImported imported = new JournalImported("books.journal", "0".repeat(64), 2, EntryId.of("E1"),
                EntryId.of("E2"), Map.of(AccountType.LIABILITIES, List.of("Passiva", "x"), AccountType.ASSETS,
                List.of("Aktiva", "x")));
        EncodedEvent encoded = codec.encode(imported);
        assertEquals(1, encoded.schemaVersion());
        assertEquals("{\"journal\":\"books.journal\",\"sha256\":\"" + "0".repeat(64) + "\",\"entries\":2,"
                + "\"firstEntryId\":\"E1\",\"lastEntryId\":\"E2\",\"declaredAccountTypes\":{\"ASSETS\":[\"Aktiva\",\"x\"],"
                + "\"LIABILITIES\":[\"Passiva\",\"x\"]},\"commodityStyles\":{},\"inferredPlaces\":{},\"inferredPlacesByDate\":{}}", encoded.json());
        assertEquals(imported, codec.decode(stored(encoded.schemaVersion(), encoded.json())).value().orElseThrow());
    }

    @Test
    void commodity_styles_are_written_by_commodity_and_read_back_and_an_older_import_has_none() {
        JournalImported imported = new JournalImported("books.journal", "0".repeat(64), 2, EntryId.of("E1"),
                EntryId.of("E2"), Map.of(), Map.of("EUR", 2, "$", 1), Map.of("assets:fund", Map.of("", 3)));
        EncodedEvent encoded = codec.encode(imported);
        assertEquals(1, encoded.schemaVersion());
        assertEquals("{\"journal\":\"books.journal\",\"sha256\":\"" + "0".repeat(64) + "\",\"entries\":2,"
                + "\"firstEntryId\":\"E1\",\"lastEntryId\":\"E2\",\"declaredAccountTypes\":{},"
                + "\"commodityStyles\":{\"$\":1,\"EUR\":2},\"inferredPlaces\":{\"assets:fund\":{\"\":3}},\"inferredPlacesByDate\":{}}", encoded.json());
        assertEquals(imported, codec.decode(stored(encoded.schemaVersion(), encoded.json())).value().orElseThrow());
        JournalImported old = (JournalImported) codec.decode(stored(1, "{\"journal\":\"books.journal\",\"sha256\":\""
                + "0".repeat(64) + "\",\"entries\":2,\"firstEntryId\":\"E1\",\"lastEntryId\":\"E2\"}")).value().orElseThrow();
        assertEquals(Map.of(), old.commodityStyles());
        assertEquals(Map.of(), old.inferredPlaces());
        assertEquals(Map.of(), old.inferredPlacesByDate());
    }

    @Test
    void places_per_date_are_written_by_account_commodity_and_iso_date_and_read_back() {
        // session 24: the places of the amounts inferred from prices, per posting date, for reports at a date
        JournalImported imported = new JournalImported("books.journal", "0".repeat(64), 2, EntryId.of("E1"),
                EntryId.of("E2"), Map.of(), Map.of(), Map.of("b", Map.of("B", 3)),
                Map.of("b", Map.of("B", Map.of("2024-02-01", 3, "2024-01-01", 1))));
        EncodedEvent encoded = codec.encode(imported);
        assertEquals(1, encoded.schemaVersion(), "a field added, read as none from older events: no schema change");
        assertEquals("{\"journal\":\"books.journal\",\"sha256\":\"" + "0".repeat(64) + "\",\"entries\":2,"
                + "\"firstEntryId\":\"E1\",\"lastEntryId\":\"E2\",\"declaredAccountTypes\":{},\"commodityStyles\":{},"
                + "\"inferredPlaces\":{\"b\":{\"B\":3}},"
                + "\"inferredPlacesByDate\":{\"b\":{\"B\":{\"2024-01-01\":1,\"2024-02-01\":3}}}}", encoded.json());
        assertEquals(imported, codec.decode(stored(encoded.schemaVersion(), encoded.json())).value().orElseThrow());
    }
}
