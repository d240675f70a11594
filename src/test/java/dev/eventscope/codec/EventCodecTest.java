package dev.eventscope.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.codec.CodecTestEvents.Amount;
import dev.eventscope.codec.CodecTestEvents.EntryRecorded;
import dev.eventscope.codec.CodecTestEvents.Line;
import dev.eventscope.codec.CodecTestEvents.PaymentReceived;
import dev.eventscope.codec.CodecTestEvents.Side;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder()
            .register(EntryRecorded.class)
            .register(PaymentReceived.class, 3)
            .upcaster("PaymentReceived", 1, v1 -> {
                // v1 -> v2: "currency" became "commodity"
                v1.set("commodity", v1.remove("currency"));
                return v1;
            })
            .upcaster("PaymentReceived", 2, v2 -> {
                // v2 -> v3: the amount string and commodity moved into a nested money object
                ObjectNode money = v2.putObject("money");
                money.put("value", new BigDecimal(v2.remove("amount").asText()));
                money.set("commodity", v2.remove("commodity"));
                return v2;
            })
            .build();

    private final EventCodec codec = new EventCodec(REGISTRY);

    private static RecordedEvent stored(String type, int schemaVersion, String data) {
        return new RecordedEvent(7, "event-7", StreamId.of("account-assets:bank"), 2, type, schemaVersion, data,
                EventMetadata.by("alice"), 1_700_000_000_000_000L, "hash-7");
    }

    private RecordedEvent storedAsEncoded(Object event) {
        EncodedEvent encoded = codec.encode(event);
        return stored(encoded.type(), encoded.schemaVersion(), encoded.json());
    }

    @Nested
    @DisplayName("round trip of a registered record")
    class RoundTrip {

        private final Map<String, String> tags = new LinkedHashMap<>(Map.of("source", "bank", "batch", "12"));
        private final EntryRecorded entry = new EntryRecorded("entry-1", LocalDate.of(2024, 3, 31), "Coffee beans",
                List.of(new Line("expenses:food", Side.DEBIT, new Amount(new BigDecimal("0.10"), "EUR")),
                        new Line("assets:cash", Side.CREDIT, new Amount(new BigDecimal("-0.10"), "EUR"))),
                tags, null);

        @Test
        void gives_back_an_equal_record_with_every_digit_of_the_amounts() {
            DecodedEvent decoded = codec.decode(storedAsEncoded(entry));

            DecodedEvent.Typed typed = assertInstanceOf(DecodedEvent.Typed.class, decoded);
            assertEquals(entry, typed.event());
            EntryRecorded back = (EntryRecorded) typed.event();
            assertEquals("0.10", back.lines().get(0).amount().value().toPlainString());
            assertFalse(decoded.wasUpcasted());
            assertTrue(decoded.problem().isEmpty());
        }

        @Test
        void writes_the_registered_name_and_version_and_plain_json() {
            EncodedEvent encoded = codec.encode(entry);

            assertEquals("EntryRecorded", encoded.type());
            assertEquals(1, encoded.schemaVersion());
            assertTrue(encoded.json().contains("\"date\":\"2024-03-31\""), encoded.json());
            assertTrue(encoded.json().contains("\"value\":0.10"), encoded.json());
            assertTrue(encoded.json().contains("\"side\":\"DEBIT\""), encoded.json());
            assertTrue(encoded.json().contains("\"memo\":null"), encoded.json());
        }

        @Test
        void writes_map_keys_sorted_so_the_same_event_gives_the_same_bytes() {
            String json = codec.encode(entry).json();

            assertTrue(json.indexOf("\"batch\"") < json.indexOf("\"source\""), json);
        }

        @Test
        void keeps_large_amounts_out_of_exponent_notation() {
            Amount big = new Amount(new BigDecimal("1E+3"), "EUR");

            String json = codec.toJson(big);

            assertEquals("{\"value\":1000,\"commodity\":\"EUR\"}", json);
        }

        @Test
        void exposes_the_json_of_a_typed_event_with_exact_decimals() {
            DecodedEvent decoded = codec.decode(storedAsEncoded(entry));

            assertEquals("0.10", decoded.json().at("/lines/0/amount/value").decimalValue().toPlainString());
        }
    }

    @Nested
    @DisplayName("when the stored event has an older schema version")
    class Upcasting {

        private final String v1 = "{\"payer\":\"Bob\",\"amount\":\"12.50\",\"currency\":\"EUR\"}";
        private final String v2 = "{\"payer\":\"Bob\",\"amount\":\"12.50\",\"commodity\":\"EUR\"}";
        private final PaymentReceived expected = new PaymentReceived("Bob", new Amount(new BigDecimal("12.50"), "EUR"));

        @Test
        void applies_every_step_from_version_1_to_3() {
            DecodedEvent decoded = codec.decode(stored("PaymentReceived", 1, v1));

            assertEquals(expected, decoded.value().orElseThrow());
            assertEquals(OptionalInt.of(1), decoded.upcastedFrom());
            assertEquals("12.50", decoded.json().at("/money/value").decimalValue().toPlainString());
        }

        @Test
        void applies_only_the_remaining_steps_from_version_2() {
            DecodedEvent decoded = codec.decode(stored("PaymentReceived", 2, v2));

            assertEquals(expected, decoded.value().orElseThrow());
            assertEquals(OptionalInt.of(2), decoded.upcastedFrom());
        }

        @Test
        void reads_the_current_version_as_stored() {
            DecodedEvent decoded = codec.decode(storedAsEncoded(expected));

            assertEquals(expected, decoded.value().orElseThrow());
            assertFalse(decoded.wasUpcasted());
        }

        @Test
        void never_changes_the_stored_data() {
            RecordedEvent recorded = stored("PaymentReceived", 1, v1);

            DecodedEvent decoded = codec.decode(recorded);

            assertEquals(v1, decoded.recorded().data());
            assertEquals(recorded, decoded.recorded());
        }

        @Test
        void shows_json_with_a_reason_when_the_version_is_newer_than_known() {
            DecodedEvent decoded = codec.decode(stored("PaymentReceived", 4, "{\"payer\":\"Bob\"}"));

            assertInstanceOf(DecodedEvent.Generic.class, decoded);
            assertTrue(decoded.problem().orElseThrow().contains("newer than version 3"), decoded.problem().orElseThrow());
            assertEquals("Bob", decoded.json().get("payer").asText());
        }

        @Test
        void shows_json_with_a_reason_when_a_step_is_missing() {
            EventCodec gappy = new EventCodec(EventTypeRegistry.builder()
                    .register(PaymentReceived.class, 3)
                    .upcaster("PaymentReceived", 2, node -> node)
                    .build());

            DecodedEvent decoded = gappy.decode(stored("PaymentReceived", 1, v1));

            assertInstanceOf(DecodedEvent.Generic.class, decoded);
            assertTrue(decoded.problem().orElseThrow().contains("no upcaster from schema version 1 to 2"),
                    decoded.problem().orElseThrow());
        }

        @Test
        void shows_json_with_a_reason_when_a_step_fails() {
            DecodedEvent decoded = codec.decode(stored("PaymentReceived", 2, "{\"payer\":\"Bob\",\"amount\":\"twelve\",\"commodity\":\"EUR\"}"));

            assertInstanceOf(DecodedEvent.Generic.class, decoded);
            assertTrue(decoded.problem().orElseThrow().contains("from schema version 2 failed"), decoded.problem().orElseThrow());
        }
    }

    @Nested
    @DisplayName("when the stored event cannot become a record")
    class NotTyped {

        @Test
        void an_unknown_type_is_readable_as_json() {
            DecodedEvent decoded = codec.decode(stored("SomethingFromTheFuture", 1, "{\"total\":0.10,\"items\":[1,2]}"));

            DecodedEvent.Generic generic = assertInstanceOf(DecodedEvent.Generic.class, decoded);
            assertEquals("0.10", generic.json().get("total").decimalValue().toPlainString());
            assertEquals(2, generic.json().get("items").size());
            assertTrue(decoded.value().isEmpty());
            assertTrue(generic.reason().contains("SomethingFromTheFuture"), generic.reason());
        }

        @Test
        void data_that_is_not_json_is_unreadable_with_the_parse_error_and_no_exception() {
            DecodedEvent decoded = codec.decode(stored("EntryRecorded", 1, "{\"entryId\": \"e-1\", oops"));

            DecodedEvent.Unreadable unreadable = assertInstanceOf(DecodedEvent.Unreadable.class, decoded);
            assertTrue(unreadable.parseError().startsWith("The data of event 7 (EntryRecorded) is not valid JSON"),
                    unreadable.parseError());
            assertTrue(decoded.json().isMissingNode());
            assertTrue(decoded.value().isEmpty());
        }

        @Test
        void empty_data_is_unreadable() {
            DecodedEvent decoded = codec.decode(stored("EntryRecorded", 1, ""));

            assertInstanceOf(DecodedEvent.Unreadable.class, decoded);
        }

        @Test
        void json_that_does_not_fit_the_class_is_shown_as_json_with_the_reason() {
            DecodedEvent decoded = codec.decode(stored("EntryRecorded", 1, "{\"date\":\"31 March\"}"));

            DecodedEvent.Generic generic = assertInstanceOf(DecodedEvent.Generic.class, decoded);
            assertTrue(generic.reason().contains("does not fit EntryRecorded"), generic.reason());
        }
    }

    @Nested
    @DisplayName("encoding and state helpers")
    class EncodingAndState {

        @Test
        void refuses_to_encode_an_unregistered_class_with_a_clear_message() {
            CodecException refused = assertThrows(CodecException.class, () -> codec.encode(new CodecTestEvents.Renamed("x")));

            assertTrue(refused.getMessage().contains("is not registered in the event type registry"), refused.getMessage());
        }

        @Test
        void builds_a_new_event_with_type_version_and_metadata() {
            var newEvent = codec.toNewEvent("event-1", new PaymentReceived("Bob", new Amount(BigDecimal.ONE, "EUR")),
                    EventMetadata.by("alice"));

            assertEquals("PaymentReceived", newEvent.type());
            assertEquals(3, newEvent.schemaVersion());
            assertEquals("alice", newEvent.metadata().user());
        }

        record NothingYet() {
        }

        @Test
        void a_state_without_fields_is_written_as_an_empty_object() {
            assertEquals("{}", codec.toJson(new NothingYet()));
            assertEquals(new NothingYet(), codec.fromJson("{}", NothingYet.class));
        }

        @Test
        void a_state_round_trips_through_a_snapshot() {
            Amount state = new Amount(new BigDecimal("100.00"), "EUR");

            Snapshot snapshot = codec.snapshotOf(StreamId.of("account-assets:bank"), 12, state, 2);

            assertEquals("Amount", snapshot.stateType());
            assertEquals(state, codec.stateOf(snapshot, Amount.class));
        }

        @Test
        void a_state_that_does_not_fit_is_refused_with_a_codec_exception() {
            CodecException refused = assertThrows(CodecException.class, () -> codec.fromJson("{\"value\":[]}", Amount.class));

            assertTrue(refused.getMessage().startsWith("Could not read JSON as Amount"), refused.getMessage());
        }
    }

    @Nested
    @DisplayName("decodeValue, for projections, gives what decode gives")
    class DecodeValue {

        private final PaymentReceived payment = new PaymentReceived("Bob", new Amount(new BigDecimal("12.50"), "EUR"));

        @Test
        void a_current_event_is_the_same_record_and_its_json_is_parsed_again_when_asked() {
            RecordedEvent recorded = storedAsEncoded(payment);
            DecodedEvent full = codec.decode(recorded);
            DecodedEvent lean = codec.decodeValue(recorded);

            DecodedEvent.Typed typed = assertInstanceOf(DecodedEvent.Typed.class, lean);
            assertEquals(full.value(), lean.value());
            assertFalse(lean.wasUpcasted());
            assertEquals(full.json(), typed.json());
            assertEquals("12.50", typed.json().at("/money/value").decimalValue().toPlainString());
        }

        @Test
        void an_older_version_is_upcasted_as_decode_does() {
            RecordedEvent recorded = stored("PaymentReceived", 1, "{\"payer\":\"Bob\",\"amount\":\"12.50\",\"currency\":\"EUR\"}");

            DecodedEvent lean = codec.decodeValue(recorded);
            assertEquals(payment, lean.value().orElseThrow());
            assertEquals(OptionalInt.of(1), lean.upcastedFrom());
        }

        @Test
        void bad_data_gives_the_same_kind_of_event_and_the_same_reason() {
            for (RecordedEvent bad : List.of(stored("SomethingFromTheFuture", 1, "{\"total\":0.10}"),
                    stored("EntryRecorded", 1, "{\"entryId\": \"e-1\", oops"), stored("EntryRecorded", 1, ""),
                    stored("EntryRecorded", 1, "null"), stored("EntryRecorded", 1, "{\"date\":\"31 March\"}"))) {
                DecodedEvent full = codec.decode(bad);
                DecodedEvent lean = codec.decodeValue(bad);
                assertEquals(full.getClass(), lean.getClass(), bad.data());
                assertEquals(full.problem(), lean.problem(), bad.data());
                assertTrue(lean.value().isEmpty(), bad.data());
            }
        }
    }
}
