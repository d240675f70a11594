package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.IntegrityReport.Tampering;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashStatusTest {

    private static final IntegrityReport INTACT = IntegrityReport.intact(10, 10, "abc");
    private static final IntegrityReport BROKEN = IntegrityReport.broken(7, 6, "def", 7, Tampering.ALTERED, "data changed");

    @Test
    void before_any_check_every_event_is_unverified() {
        assertEquals(HashStatus.UNVERIFIED, HashStatus.of(1, null));
    }

    @Test
    void an_intact_chain_verifies_events_through_its_last_position_and_not_newer_ones() {
        assertEquals(HashStatus.VERIFIED, HashStatus.of(10, INTACT));
        assertEquals(HashStatus.UNVERIFIED, HashStatus.of(11, INTACT));
    }

    @Test
    void a_broken_chain_verifies_the_good_part_marks_the_break_and_cannot_vouch_for_the_rest() {
        assertEquals(HashStatus.VERIFIED, HashStatus.of(6, BROKEN));
        assertEquals(HashStatus.TAMPERED, HashStatus.of(7, BROKEN));
        assertEquals(HashStatus.UNVERIFIABLE, HashStatus.of(8, BROKEN));
    }

    @Test
    void the_tampered_label_names_the_kind_of_change() {
        assertEquals("✗ altered", HashStatus.TAMPERED.labelFor(BROKEN));
        IntegrityReport removed = IntegrityReport.broken(3, 2, "x", 3, Tampering.REMOVED, "gone");
        assertEquals("✗ removed", HashStatus.TAMPERED.labelFor(removed));
        assertEquals("✓ verified", HashStatus.VERIFIED.labelFor(BROKEN));
    }

    @Test
    void the_banner_words_both_outcomes() {
        assertEquals("Intact through #10 · head hash abc", IntegrityViewModel.bannerTextOf(INTACT));
        assertEquals("Intact through #3 · head hash 0123456789ab…",
                IntegrityViewModel.bannerTextOf(IntegrityReport.intact(3, 3, "0123456789abcdef")));
        assertEquals("Tampered at #7: altered — data changed", IntegrityViewModel.bannerTextOf(BROKEN));
    }

    @Test
    void the_banner_words_edited_records_beside_the_chain_without_a_position() {
        IntegrityReport edited = new IntegrityReport(false, 40, 40, "abc", 0, Tampering.METADATA,
                "the recorded head position 'abc' in ledger_meta is not a number", 40);
        assertEquals("Tampered: the ledger's records beside the chain were edited — the recorded head position 'abc'"
                + " in ledger_meta is not a number", IntegrityViewModel.bannerTextOf(edited));
        assertEquals(HashStatus.VERIFIED, HashStatus.of(40, edited));
    }
}
