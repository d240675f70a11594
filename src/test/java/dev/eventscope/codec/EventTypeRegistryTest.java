package dev.eventscope.codec;

import dev.eventscope.codec.CodecTestEvents.Amount;
import dev.eventscope.codec.CodecTestEvents.PaymentReceived;
import dev.eventscope.codec.CodecTestEvents.Renamed;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypeRegistryTest {

    sealed interface Family permits Opened, Closed, Nested {
    }

    record Opened(String name) implements Family {
    }

    record Closed(String name) implements Family {
    }

    sealed interface Nested extends Family permits Frozen {
    }

    record Frozen(String name) implements Nested {
    }

    @Test
    void registers_a_class_under_its_simple_name_at_version_1_by_default() {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(Amount.class).build();

        EventType type = registry.byName("Amount").orElseThrow();
        assertEquals(Amount.class, type.javaClass());
        assertEquals(1, type.currentSchemaVersion());
        assertEquals(type, registry.byClass(Amount.class).orElseThrow());
    }

    @Test
    void refuses_two_classes_for_one_name_with_a_clear_message() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register("Payment", PaymentReceived.class, 1);

        EventTypeConflict refused = assertThrows(EventTypeConflict.class, () -> builder.register("Payment", Renamed.class, 1));

        assertEquals("Event type name 'Payment' is already registered for " + PaymentReceived.class.getName()
                + " and cannot also be used for " + Renamed.class.getName() + ".", refused.getMessage());
    }

    @Test
    void refuses_one_class_under_two_names() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register("Payment", PaymentReceived.class, 1);

        EventTypeConflict refused = assertThrows(EventTypeConflict.class, () -> builder.register("PaymentReceived", PaymentReceived.class, 1));

        assertTrue(refused.getMessage().contains("already registered as event type 'Payment'"), refused.getMessage());
    }

    @Test
    void refuses_one_class_with_two_schema_versions() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(PaymentReceived.class, 2);

        assertThrows(EventTypeConflict.class, () -> builder.register(PaymentReceived.class, 3));
    }

    @Test
    void accepts_the_same_registration_twice() {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(Amount.class).register(Amount.class).build();

        assertEquals(1, registry.types().size());
    }

    @Test
    void refuses_two_upcasters_for_the_same_step() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(PaymentReceived.class, 3)
                .upcaster("PaymentReceived", 1, node -> node);

        EventTypeConflict refused = assertThrows(EventTypeConflict.class, () -> builder.upcaster("PaymentReceived", 1, node -> node));

        assertTrue(refused.getMessage().contains("already has an upcaster from version 1 to 2"), refused.getMessage());
    }

    @Test
    void refuses_an_upcaster_for_an_unregistered_type() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().upcaster("Ghost", 1, node -> node);

        EventTypeConflict refused = assertThrows(EventTypeConflict.class, builder::build);

        assertTrue(refused.getMessage().contains("no class is registered under that name"), refused.getMessage());
    }

    @Test
    void refuses_an_upcaster_beyond_the_current_version() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(PaymentReceived.class, 2)
                .upcaster("PaymentReceived", 2, node -> node);

        EventTypeConflict refused = assertThrows(EventTypeConflict.class, builder::build);

        assertTrue(refused.getMessage().contains("goes beyond its current schema version 2"), refused.getMessage());
    }

    @Test
    void registers_every_record_of_a_sealed_family_including_nested_families() {
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .register(Closed.class, 2)
                .registerSealedFamily(Family.class)
                .build();

        assertEquals(3, registry.types().size());
        assertEquals(2, registry.byName("Closed").orElseThrow().currentSchemaVersion());
        assertEquals(Frozen.class, registry.byName("Frozen").orElseThrow().javaClass());
    }
}
