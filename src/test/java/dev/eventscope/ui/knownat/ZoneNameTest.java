package dev.eventscope.ui.knownat;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The As known bar names the zone of a recorded time as a person reads it (session 19: "09:00:00 Etc/UTC"). */
class ZoneNameTest {

    @Test
    void every_spelling_of_utc_reads_utc_and_other_zones_keep_their_id() {
        assertEquals("UTC", KnownAtViewModel.zoneName(ZoneId.of("Etc/UTC")));
        assertEquals("UTC", KnownAtViewModel.zoneName(ZoneOffset.UTC));
        assertEquals("UTC", KnownAtViewModel.zoneName(ZoneId.of("UTC")));
        assertEquals("Europe/Berlin", KnownAtViewModel.zoneName(ZoneId.of("Europe/Berlin")));
    }
}
