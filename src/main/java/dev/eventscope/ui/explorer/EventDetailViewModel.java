package dev.eventscope.ui.explorer;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.RecordedEvent;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The selected event's detail: its data as pretty JSON, as stored and — when an older schema
 * version was upcast on reading — as the current version reads it, and its metadata.
 */
public final class EventDetailViewModel {

    private static final EventCodec CODEC = BookkeepingCodec.create();

    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper upcastJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper upcastHeading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("No event selected");
    private final ObservableList<MetadataField> metadata = FXCollections.observableArrayList();
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<MetadataField> metadataView = FXCollections.unmodifiableObservableList(metadata);

    public void show(EventRow row) {
        if (row == null) {
            json.set("");
            upcastJson.set("");
            upcastHeading.set("");
            heading.set("No event selected");
            metadata.clear();
            return;
        }
        RecordedEvent event = row.event();
        heading.set(event.type() + "  ·  #" + event.position());
        json.set(EventJson.pretty(event.data()));
        DecodedEvent decoded = CODEC.decode(event);
        if (decoded.wasUpcasted()) {
            upcastJson.set(EventJson.pretty(decoded.json().toString()));
            upcastHeading.set("As read now (schema v" + decoded.upcastedFrom().getAsInt() + " → v"
                    + CODEC.registry().byName(event.type()).map(type -> type.currentSchemaVersion()).orElse(0) + ")");
        } else {
            upcastJson.set("");
            upcastHeading.set("");
        }
        List<MetadataField> fields = new ArrayList<>();
        // who and why first, with the links to follow; then where and when; the identifiers last
        fields.add(plain("User", event.metadata().user()));
        fields.add(plain("Command", orDash(event.metadata().commandName())));
        fields.add(linked("Correlation id", event.metadata().correlationId(), MetadataField.Link.CORRELATION));
        fields.add(linked("Causation id", event.metadata().causationId(), MetadataField.Link.CAUSATION));
        fields.add(plain("Recorded", row.recordedLocal()));
        fields.add(plain("Recorded (UTC)", row.recordedUtc()));
        fields.add(plain("Stream", event.streamId().value()));
        fields.add(plain("Version", Long.toString(event.version())));
        fields.add(plain("Position", Long.toString(event.position())));
        fields.add(plain("Type", event.type()));
        fields.add(plain("Schema version", Integer.toString(event.schemaVersion())));
        fields.add(plain("Event id", event.eventId()));
        fields.add(plain("Hash", orDash(event.hash())));
        fields.add(plain("Hash status", row.hashLabel()));
        metadata.setAll(fields);
    }

    private static MetadataField plain(String label, String value) {
        return new MetadataField(label, value, MetadataField.Link.NONE);
    }

    private static MetadataField linked(String label, String value, MetadataField.Link link) {
        return value == null || value.isBlank() ? plain(label, "—") : new MetadataField(label, value, link);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** The upcast JSON, empty when the event was read as stored. */
    public ReadOnlyStringProperty upcastJsonProperty() {
        return upcastJson.getReadOnlyProperty();
    }

    /** e.g. "As read now (schema v1 → v2)", empty when the event was read as stored. */
    public ReadOnlyStringProperty upcastHeadingProperty() {
        return upcastHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ObservableList<MetadataField> metadata() {
        return metadataView;
    }
}
