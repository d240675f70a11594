package dev.eventscope.samples;

import dev.eventscope.timetravel.FullReplay;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ready-to-open ledgers in sample-data/ledgers are what their journals say, and the builder makes them again. */
class SampleLedgersTest {

    private static final Path LEDGERS = Path.of("sample-data", "ledgers");
    private final EventCodec codec = BookkeepingCodec.create();

    private Map<String, Map<String, BigDecimal>> balances(Path ledger, LocalDate asOf) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            FullReplay replay = new FullReplay(store, codec);
            // asOf null: at the end, every posting
            return new TreeMap<>((asOf == null ? replay.balances(Long.MAX_VALUE) : replay.balances(Long.MAX_VALUE, asOf)).asMap());
        }
    }

    private Map<String, Integer> eventTypes(Path ledger) {
        Map<String, Integer> counts = new HashMap<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                counts.merge(cursor.next().type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void every_sample_ledger_is_there_and_all_but_the_tampered_one_verify_intact() {
        for (String name : SampleLedgers.NAMES) {
            Path ledger = LEDGERS.resolve(name + ".ledger");
            assertTrue(Files.exists(ledger), ledger + " is missing; run sample-data/build-ledgers.sh");
            try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
                IntegrityReport report = store.verify();
                assertEquals(!name.equals("tampered"), report.intact(), name + ": " + report.summary());
                assertTrue(store.lastPosition() > 500, name + " holds a realistic number of events");
            }
        }
    }

    @Test
    void the_tampered_ledger_names_the_altered_position() {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(LEDGERS.resolve("tampered.ledger"))) {
            IntegrityReport report = store.verify();
            assertEquals(SampleLedgers.TAMPERED_POSITION, report.firstBadPosition());
            assertEquals(IntegrityReport.Tampering.ALTERED, report.kind());
        }
    }

    @Test
    void the_tampered_event_is_a_quiet_change_in_well_formed_json_that_every_view_can_read() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(LEDGERS.resolve("tampered.ledger"))) {
            dev.eventscope.eventstore.RecordedEvent altered;
            try (dev.eventscope.eventstore.EventCursor cursor = store.readAll(SampleLedgers.TAMPERED_POSITION - 1)) {
                altered = cursor.next();
            }
            com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(altered.data());
            assertEquals("-518", data.path("amount").path("amount").asText(), altered.data());
            assertTrue(dev.eventscope.application.BookkeepingCodec.create().decode(altered)
                    instanceof dev.eventscope.codec.DecodedEvent.Typed, "the altered event still decodes");
        }
    }

    @ParameterizedTest
    @CsvSource({"small-business, small-business", "household-two-currencies, household-two-currencies",
            "audit-case, audit-case", "legacy-schema, household-two-currencies"})
    void balances_agree_with_hledger_on_the_source_journal(String ledger, String journal) {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
        Path source = Path.of("sample-data", journal + ".journal");
        for (LocalDate asOf : new LocalDate[] {LocalDate.of(2025, 3, 31), LocalDate.of(2025, 12, 31)}) {
            assertEquals(Hledger.balances(source, asOf), balances(LEDGERS.resolve(ledger + ".ledger"), asOf), ledger + " " + asOf);
        }
    }

    @Test
    void the_audit_case_has_a_closed_period_a_reopening_a_late_correction_a_frozen_account_and_reversals() {
        Map<String, Integer> types = eventTypes(LEDGERS.resolve("audit-case.ledger"));
        assertEquals(2, types.get("PeriodClosed"));
        assertEquals(1, types.get("PeriodReopened"));
        assertEquals(1, types.get("AccountFrozen"));
        assertTrue(types.getOrDefault("EntryReversed", 0) >= 1, types.toString());
    }

    @Test
    void the_legacy_ledger_holds_version_1_events_that_are_read_upcasted() {
        int upcasted = 0;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(LEDGERS.resolve("legacy-schema.ledger"));
             EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.type().equals("AccountOpened")) {
                    assertEquals(1, event.schemaVersion());
                    assertTrue(codec.decode(event).wasUpcasted());
                    assertTrue(codec.decode(event).value().isPresent());
                    upcasted++;
                }
            }
        }
        assertTrue(upcasted > 10);
    }

    @Test
    void the_builder_makes_the_same_ledgers_again(@TempDir Path folder) throws Exception {
        SampleLedgers.buildAll(Path.of("sample-data"), folder);
        for (String name : SampleLedgers.NAMES) {
            Path rebuilt = folder.resolve(name + ".ledger");
            Path committed = LEDGERS.resolve(name + ".ledger");
            try (SqliteEventStore a = SqliteEventStore.openReadOnly(rebuilt); SqliteEventStore b = SqliteEventStore.openReadOnly(committed)) {
                assertEquals(b.lastPosition(), a.lastPosition(), name);
                assertEquals(b.streams(StreamFilter.ALL), a.streams(StreamFilter.ALL), name);
            }
            if (!name.equals("tampered")) {
                assertEquals(balances(committed, null), balances(rebuilt, null), name);
            }
        }
        assertFalse(Files.list(folder).anyMatch(p -> p.getFileName().toString().contains(".creating-")));
    }
}
