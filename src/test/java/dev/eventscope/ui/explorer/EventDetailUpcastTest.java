package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event written in an older schema shows as stored and as read now; a current one only as stored. */
class EventDetailUpcastTest {

    private static RecordedEvent event(int schemaVersion, String data) {
        return new RecordedEvent(2, "e-2", StreamId.of("account-assets:bank"), 1, "AccountOpened", schemaVersion, data,
                EventMetadata.by("sam"), 1_735_808_400_000_000L, "ab");
    }

    @Test
    void a_version_1_account_opening_shows_both_shapes() {
        EventDetailViewModel detail = new EventDetailViewModel();
        detail.show(EventRow.of(event(1, "{\"account\":\"assets:bank\",\"openedOn\":\"2025-01-01\"}"), ZoneOffset.UTC, null));
        assertTrue(detail.jsonProperty().get().contains("\"account\""), detail.jsonProperty().get());
        assertTrue(detail.upcastJsonProperty().get().contains("\"name\" : \"assets:bank\""), detail.upcastJsonProperty().get());
        assertTrue(detail.upcastJsonProperty().get().contains("\"type\" : \"ASSETS\""));
        assertEquals("As read now (schema v1 → v2)", detail.upcastHeadingProperty().get());
    }

    @Test
    void a_current_event_shows_only_as_stored() {
        EventDetailViewModel detail = new EventDetailViewModel();
        detail.show(EventRow.of(event(2, "{\"name\":\"assets:bank\",\"type\":\"ASSETS\",\"openedOn\":\"2025-01-01\",\"description\":null}"),
                ZoneOffset.UTC, null));
        assertEquals("", detail.upcastJsonProperty().get());
        assertEquals("", detail.upcastHeadingProperty().get());
    }
}
