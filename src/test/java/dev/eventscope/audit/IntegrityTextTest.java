package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, point 12: a report states reordered events and edited records beside the chain in plain words. */
class IntegrityTextTest {

    @Test
    void swapped_events_are_stated_as_reordered() {
        IntegrityReport swapped = IntegrityReport.broken(19, 19, "h19", 20, Tampering.REORDERED,
                "the events at positions 20 and 21 are both intact but stored in each other's place");
        assertEquals("LEDGER ALTERED AT POSITION 20: events reordered after they were recorded.", IntegrityText.headline(swapped));
    }

    @Test
    void edited_records_beside_the_chain_name_no_position_and_say_the_chain_holds() {
        IntegrityReport edited = new IntegrityReport(false, 40, 40, "h40", 0, Tampering.METADATA,
                "the recorded head position 'abc' in ledger_meta is not a number", 40);
        assertEquals("LEDGER ALTERED: its records beside the hash chain were edited.", IntegrityText.headline(edited));
        assertEquals("The recorded head position 'abc' in ledger_meta is not a number. The hash chain itself is intact"
                + " through position 40 (hash h40).", IntegrityText.detail(edited));
    }
}
