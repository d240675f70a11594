package dev.eventscope.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Proposed adjustments" section as rows of text, the same in every format that prints tables (HTML's columns,
 * PDF, CSV): number, entry, reason, who proposed it when, status, effect.
 */
final class ProposalRows {

    static final List<String> COLUMNS = List.of("#", "Entry", "Reason", "Proposed by", "Status", "Effect");
    static final String NOTE = "Proposed, not posted: decided by the ledger's rules in a sandbox; only those marked applied"
            + " are among the events below.";

    private ProposalRows() {
    }

    static List<List<String>> rows(List<ProposedAdjustment> proposals, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (ProposedAdjustment proposal : proposals) {
            rows.add(List.of(Integer.toString(proposal.number()), proposal.entry(), proposal.reason(),
                    proposal.proposedBy() + " " + ReportText.recorded(proposal.proposedAt(), zone), proposal.status(), proposal.effect()));
        }
        return rows;
    }
}
