package dev.eventscope.ui.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 23 (adversary): the sandbox window's chosen proposal quotes its summary (a description may be a megabyte
 * long), its reason (free text) and its proposer (a user recorded before session 23 refused control characters in
 * names): shown printably and shortened, as the rest of the window shows user text.
 */
class ProposalListHostileTextTest {

    @Test
    void the_detail_of_a_proposal_shows_a_huge_summary_a_hostile_reason_and_proposer_printably_and_shortened() {
        SandboxViewModel.ProposalRow row = new SandboxViewModel.ProposalRow("1", "post E9 " + "x".repeat(1_000_000), "",
                "accepted", "see \u202Eevil\u001B[2J", "mallory\nroot");

        String shown = ProposalList.detailText(row, true);

        assertTrue(shown.length() < 2_000, () -> shown.length() + " characters");
        assertTrue(shown.contains("(1,000,008 characters in all)"), shown);
        assertTrue(shown.contains("see \\u202Eevil\\u001B[2J") && shown.contains("mallory\\u000Aroot"), shown);
        assertFalse(shown.contains("\u202E") || shown.contains("\u001B") || shown.contains("mallory\n"), shown);
    }
}
